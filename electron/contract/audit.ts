import { z } from 'zod';
import { method } from './define';

export const auditProblemSchema = z.enum(['modified', 'deleted', 'reordered']);

/** The audit chain walked end to end: the first entry found edited, missing before it, or out of order. */
export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  firstBadId: z.number().int().nullable(),
  problem: auditProblemSchema.nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export const auditContract = {
  verify: method({ summary: 'Checks the hash chain of the audit log', input: z.object({}).strict(), output: auditVerificationSchema }),
};
