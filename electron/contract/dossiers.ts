import { z } from 'zod';
import { bytesSchema, method } from './define';
import { answersSchema, procedureCodeSchema } from './procedure';

/** DESIGN §4: the life of a dossier on this machine. Statuses from the receiving side come later (sync). */
export const dossierStateSchema = z.enum(['queued', 'sending', 'submitted', 'received', 'processing', 'supplement_requested', 'completed', 'rejected', 'returned']);
export type DossierState = z.infer<typeof dossierStateSchema>;

export const dossierAttachmentSchema = z.object({
  documentKind: z.string(),
  fileName: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(0),
});

export const dossierHistoryEntrySchema = z.object({ at: z.string(), state: dossierStateSchema, note: z.string().nullable() });

export const dossierSchema = z.object({
  id: z.string().uuid(),
  draftId: z.string().uuid(),
  procedureCode: procedureCodeSchema,
  procedureName: z.string(),
  definitionVersion: z.string(),
  /** Assigned by the receiving system; null while offline. */
  dossierCode: z.string().nullable(),
  /** Our own reference, printed on the receipt while there is no dossier code yet. */
  localReference: z.string(),
  state: dossierStateSchema,
  agencyName: z.string(),
  agencyCode: z.string(),
  answers: answersSchema,
  attachments: z.array(dossierAttachmentSchema),
  contentSha256: z.string(),
  receivedAt: z.string(),
  /** Appointment date for the result (YYYY-MM-DD), in working days from receipt. */
  appointmentDate: z.string(),
  feeVnd: z.number().int(),
  history: z.array(dossierHistoryEntrySchema),
});
export type Dossier = z.infer<typeof dossierSchema>;

export const dossiersContract = {
  submit: method({
    summary: 'Validates a draft and queues it as a dossier (outbox row in the same transaction)',
    input: z.object({ draftId: z.string().uuid() }).strict(),
    output: z.object({ dossierId: z.string().uuid(), state: dossierStateSchema, localReference: z.string() }),
  }),
  list: method({
    summary: 'Dossiers on this machine, newest first',
    input: z.object({ state: dossierStateSchema.optional() }).strict(),
    output: z.object({ dossiers: z.array(dossierSchema.omit({ answers: true })) }),
  }),
  get: method({ summary: 'One dossier with its history', input: z.object({ id: z.string().uuid() }).strict(), output: dossierSchema }),
};

export const printerSchema = z.object({ name: z.string(), displayName: z.string(), isDefault: z.boolean() });
export type PrinterInfo = z.infer<typeof printerSchema>;

export const documentsContract = {
  print: method({
    summary: 'Prints the receipt or the application form silently on the chosen printer; without one, answers with the PDF',
    input: z.object({ kind: z.enum(['application', 'receipt']), dossierId: z.string().uuid() }).strict(),
    output: z.object({
      printed: z.boolean(),
      printerName: z.string().nullable(),
      /** Why nothing was printed, when it was not: the screen then offers the PDF instead. */
      reason: z.enum(['printed', 'no_printer', 'printer_not_found']),
      fileName: z.string(),
      pdf: bytesSchema.nullable(),
    }),
  }),
  printers: method({ summary: 'Printers this machine can print to', input: z.object({}).strict(), output: z.object({ printers: z.array(printerSchema) }) }),
  render: method({
    summary: 'The filled application form or the receipt of a dossier, as PDF bytes',
    input: z.object({ kind: z.enum(['application', 'receipt']), dossierId: z.string().uuid() }).strict(),
    output: z.object({ pdf: bytesSchema, pages: z.number().int().min(1), fileName: z.string() }),
  }),
};
