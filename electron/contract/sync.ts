import { z } from 'zod';
import { method } from './define';
import { dossierHistoryEntrySchema, dossierStateSchema } from './dossiers';

/** Whether the receiving system answered the last health probe (docs/sync-protocol.md §2). */
export const linkStateSchema = z.enum(['online', 'offline', 'unknown', 'not_configured']);
export type LinkState = z.infer<typeof linkStateSchema>;

export const linkStatusSchema = z.object({
  link: linkStateSchema,
  gatewayUrl: z.string(),
  /** Dossiers waiting to be sent (retried automatically). */
  queued: z.number().int().min(0),
  /** Dossiers the receiver refused: a person must look. */
  needsPerson: z.number().int().min(0),
  lastSuccessAt: z.string().nullable(),
  lastCheckedAt: z.string().nullable(),
});
export type LinkStatus = z.infer<typeof linkStatusSchema>;

/** Why the last attempt failed, for the official: explanation and what to do, in both languages. */
export const syncFailureSchema = z.object({
  code: z.string(),
  permanent: z.boolean(),
  message_vi: z.string(),
  message_en: z.string(),
  action_vi: z.string(),
  action_en: z.string(),
});
export type SyncFailure = z.infer<typeof syncFailureSchema>;

export const outboxStatusSchema = z.enum(['pending', 'needs_person', 'sent']);
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;

export const queueItemSchema = z.object({
  dossierId: z.string().uuid(),
  localReference: z.string(),
  dossierCode: z.string().nullable(),
  procedureName: z.string(),
  state: dossierStateSchema,
  outboxStatus: outboxStatusSchema,
  attempts: z.number().int().min(0),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: syncFailureSchema.nullable(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

/** What the kiosk may show a resident who looks a dossier up: no answers, no names. */
export const lookupResultSchema = z.object({
  dossierCode: z.string().nullable(),
  localReference: z.string(),
  procedureName: z.string(),
  state: dossierStateSchema,
  appointmentDate: z.string(),
  history: z.array(dossierHistoryEntrySchema),
});
export type LookupResult = z.infer<typeof lookupResultSchema>;

export const syncContract = {
  status: method({ summary: 'The link to the receiving system, the queue size and the last success', input: z.object({}).strict(), output: linkStatusSchema }),
  queue: method({
    summary: 'Dossiers not yet delivered (and the last ones delivered), with attempts and the last error',
    input: z.object({ includeSent: z.boolean().optional() }).strict(),
    output: z.object({ items: z.array(queueItemSchema) }),
  }),
  retryNow: method({
    summary: 'Makes one dossier (or every waiting one) due now, including those a person had to look at',
    input: z.object({ dossierId: z.string().uuid().optional() }).strict(),
    output: z.object({ due: z.number().int().min(0) }),
  }),
  lookup: method({
    summary: 'Status of a dossier by its dossier code, local reference or the receipt QR text (MOTCUA:<code>)',
    input: z.object({ code: z.string().trim().min(3).max(120) }).strict(),
    output: lookupResultSchema,
  }),
};
