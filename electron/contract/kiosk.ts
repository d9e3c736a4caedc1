import { z } from 'zod';
import { method } from './define';

export const kioskContract = {
  /** Leaves kiosk mode when an official types the exit code. */
  exit: method({
    summary: "Leaves kiosk mode with an official's code",
    input: z.object({ code: z.string().min(1).max(64) }).strict(),
    output: z.object({ kioskMode: z.literal(false) }),
  }),
};
