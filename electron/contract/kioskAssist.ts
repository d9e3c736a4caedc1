import { z } from 'zod';
import { method } from './define';

/**
 * The kiosk's helps for residents (issue #9): calling an official from the kiosk to the counter
 * PC over the local network, satisfaction ratings with no personal data, and the commune's most
 * used procedures for the attract screen.
 */
export const helpCallSchema = z.object({
  id: z.string(),
  kioskName: z.string(),
  raisedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export type HelpCall = z.infer<typeof helpCallSchema>;

export const kioskAssistConfigSchema = z.object({
  /** Counter PC: the TCP port its help-call listener accepts calls on; null = not listening. */
  listenPort: z.number().int().min(1024).max(65535).nullable(),
  /** Counter PC: the address it listens on ('0.0.0.0' for the local network, '127.0.0.1' in tests). */
  listenHost: z.string().min(1).max(64),
  /** Kiosk: the counter's listener, e.g. `http://192.168.1.20:47800`; null = no counter to call. */
  counterUrl: z.url({ protocol: /^https?$/ }).nullable(),
  /** Kiosk: how the counter names this kiosk ("Kiosk sảnh chính"). */
  kioskName: z.string().trim().min(1).max(60),
});
export type KioskAssistConfig = z.infer<typeof kioskAssistConfigSchema>;

export const ratingScoreSchema = z.number().int().min(1).max(5);

export const ratingFiguresSchema = z.object({
  day: z.string(),
  count: z.number().int(),
  /** Mean score, one decimal; null when nobody rated today. */
  average: z.number().nullable(),
  /** How many gave each score, index 0 = score 1. */
  byScore: z.array(z.number().int()).length(5),
  comments: z.number().int(),
});

export const kioskAssistContract = {
  callHelp: method({
    summary: 'Kiosk: calls an official to the kiosk (sends the call to the counter PC)',
    input: z.object({}).strict(),
    output: z.object({ id: z.string(), raisedAt: z.string() }),
  }),
  helpCalls: method({
    summary: 'Counter: the help calls received from kiosks, newest first',
    input: z.object({}).strict(),
    output: z.object({ calls: z.array(helpCallSchema), listening: z.boolean() }),
  }),
  acknowledge: method({
    summary: 'Counter: marks a help call as answered',
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: helpCallSchema,
  }),
  config: method({ summary: 'Reads the help-call configuration', input: z.object({}).strict(), output: kioskAssistConfigSchema }),
  configure: method({
    summary: 'Changes the help-call configuration (restarts the listener)',
    input: kioskAssistConfigSchema.partial().strict(),
    output: kioskAssistConfigSchema,
  }),
  rate: method({
    summary: 'Kiosk: stores a satisfaction rating (no personal data)',
    input: z.object({ score: ratingScoreSchema, comment: z.string().trim().max(500).optional(), procedureCode: z.string().regex(/^\d\.\d{6}$/).optional() }).strict(),
    output: z.object({ id: z.string() }),
  }),
  todayRatings: method({ summary: "Counter: today's satisfaction figures", input: z.object({}).strict(), output: ratingFiguresSchema }),
  topProcedures: method({
    summary: "The commune's most used procedures (local dossier counts)",
    input: z.object({ limit: z.number().int().min(1).max(12).default(4) }).strict(),
    output: z.object({ procedures: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })) }),
  }),
};
