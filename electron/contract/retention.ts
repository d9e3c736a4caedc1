import { z } from 'zod';
import { method } from './define';

/** What one purge removed: counts only. */
export const purgeResultSchema = z.object({
  /** Dossiers confirmed by the receiving side (completed, rejected, returned) older than the retention period. */
  dossiers: z.number().int().nonnegative(),
  /** Kiosk drafts left open and untouched for 24 hours. */
  kioskDrafts: z.number().int().nonnegative(),
  /** Attachment files removed from the file store (no other draft used them). */
  files: z.number().int().nonnegative(),
});
export type PurgeResult = z.infer<typeof purgeResultSchema>;

export const retentionContract = {
  purge: method({ summary: 'Purges confirmed dossiers past the retention period and abandoned kiosk drafts', input: z.object({}).strict(), output: purgeResultSchema }),
};
