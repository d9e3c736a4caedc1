import { z } from 'zod';
import { method } from './define';

export const kioskContract = {
  /** Leaves kiosk mode when an official types the exit code, or a supervisor signs with their PIN. */
  exit: method({
    summary: "Leaves kiosk mode with the exit code or a supervisor's PIN",
    // Either the kiosk exit code, or a supervisor's username and PIN (once accounts exist).
    input: z.union([z.object({ code: z.string().min(1).max(64) }).strict(), z.object({ username: z.string().min(1).max(64), pin: z.string().min(1).max(64) }).strict()]),
    output: z.object({ kioskMode: z.literal(false) }),
  }),
};
