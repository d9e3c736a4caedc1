import { z } from 'zod';
import { method } from './define';

export const integrityResultSchema = z.union([z.literal('ok'), z.string()]);

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  sqliteVersion: z.string(),
  schemaVersion: z.number().int(),
  dbIntegrity: integrityResultSchema,
  /** True when the last run ended without a clean shutdown (crash, power cut). */
  recoveredFromCrash: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const doctorReportSchema = z.object({
  node: z.string(),
  sqlite: z.string(),
  dataDir: z.string(),
  dbIntegrity: integrityResultSchema,
  schemaVersion: z.number().int(),
  procedures: z.number().int(),
  scanners: z.array(z.object({ id: z.string(), name: z.string(), backend: z.string() })),
  tokens: z.array(z.object({ slot: z.number().int(), label: z.string() })),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })),
});
export type DoctorReport = z.infer<typeof doctorReportSchema>;

export const appContract = {
  info: method({ summary: 'Version, database health and start-up state', input: z.object({}).strict(), output: appInfoSchema }),
  doctor: method({ summary: 'Checks the installation', input: z.object({}).strict(), output: doctorReportSchema }),
};
