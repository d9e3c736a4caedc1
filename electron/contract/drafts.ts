import { z } from 'zod';
import { bytesSchema, method } from './define';
import { fieldErrorSchema } from './errors';
import { msg } from './messages';
import { answersSchema, procedureCodeSchema } from './procedure';

/** A CCCD number to look up: the 12 digits printed on the card. */
export const idNumberSchema = z.string().regex(/^\d{12}$/, { error: msg('idNumberFormat') });

export const draftModeSchema = z.enum(['counter', 'kiosk']);

export const draftAttachmentSchema = z.object({
  documentKind: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(0),
});
export type DraftAttachment = z.infer<typeof draftAttachmentSchema>;

/** Files a draft accepts: PDF and the image types a scanner or phone produces. */
export const attachmentMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const maxAttachmentBytes = 20 * 1024 * 1024;

export const draftSchema = z.object({
  id: z.string().uuid(),
  procedureCode: procedureCodeSchema,
  /** The definition version the draft was started with (migrated forward when the definition changes). */
  definitionVersion: z.string(),
  mode: draftModeSchema,
  answers: answersSchema,
  /** Kiosk: the short code a resident writes down to come back later (with their date of birth). */
  retrievalCode: z.string().nullable(),
  /** Files attached to the draft (scans, uploaded PDFs), content-addressed by SHA-256. */
  attachments: z.array(draftAttachmentSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Draft = z.infer<typeof draftSchema>;

export const draftSummarySchema = draftSchema.omit({ answers: true, attachments: true }).extend({ procedureName: z.string(), applicantName: z.string().nullable() });

export const validationReportSchema = z.object({
  valid: z.boolean(),
  errors: z.array(fieldErrorSchema),
  /** Required documents not yet attached (by kind), for the review screen. */
  missingDocuments: z.array(z.object({ kind: z.string(), name: z.string() })),
  /** When the result would be ready if the dossier were received now (YYYY-MM-DD, working days, days off skipped). */
  expectedResultDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type ValidationReport = z.infer<typeof validationReportSchema>;

export const draftsContract = {
  save: method({
    summary: 'Creates or updates a draft: one SQLite transaction, durable before it answers',
    input: z
      .object({
        id: z.string().uuid().optional(),
        procedureCode: procedureCodeSchema,
        mode: draftModeSchema.default('counter'),
        answers: answersSchema,
      })
      .strict(),
    output: z.object({ id: z.string().uuid(), procedureCode: procedureCodeSchema, updatedAt: z.string(), retrievalCode: z.string().nullable() }),
  }),
  get: method({ summary: 'One draft', input: z.object({ id: z.string().uuid() }).strict(), output: draftSchema }),
  list: method({
    summary: 'Open drafts, newest first; with idNumber, only those where that CCCD number was given (keyed-hash look-up)',
    input: z.object({ idNumber: idNumberSchema.optional() }).strict(),
    output: z.object({ drafts: z.array(draftSummarySchema) }),
  }),
  validate: method({ summary: 'Checks a draft against its procedure', input: z.object({ id: z.string().uuid() }).strict(), output: validationReportSchema }),
  attach: method({
    summary: 'Attaches a file (PDF, JPEG, PNG ≤ 20 MB) to a draft as one of its documents',
    input: z
      .object({
        draftId: z.string().uuid(),
        documentKind: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
        fileName: z.string().min(1).max(200),
        mediaType: z.enum(attachmentMediaTypes),
        content: bytesSchema.refine((b) => b.byteLength > 0 && b.byteLength <= maxAttachmentBytes, { error: 'File must be 1 byte to 20 MB' }),
      })
      .strict(),
    output: draftAttachmentSchema,
  }),
  detach: method({
    summary: 'Removes a file from a draft',
    input: z.object({ draftId: z.string().uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    output: z.object({ removed: z.boolean() }),
  }),
  resume: method({
    summary: 'Kiosk: finds a draft by its retrieval code and the resident’s date of birth',
    input: z.object({ retrievalCode: z.string().min(4).max(12), dateOfBirth: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(),
    output: draftSchema,
  }),
};
