import { z } from 'zod';
import { method } from './define';
import { draftAttachmentSchema } from './drafts';

export const scanSourceSchema = z.enum(['flatbed', 'feeder', 'duplex']);
export const scanModeSchema = z.enum(['color', 'gray', 'bw']);

export const scannerInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  backend: z.enum(['sane', 'escl']),
  sources: z.array(scanSourceSchema),
});

/** One page of a scan session as the review screen shows it. */
export const scanPageSchema = z.object({
  id: z.string(),
  /** A small JPEG as a data: URL (the CSP allows data: images), for the thumbnail strip. */
  thumbnail: z.string().startsWith('data:image/jpeg;base64,'),
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  /** Looks empty: shown with a warning for the person to decide; never removed by itself. */
  blank: z.boolean(),
  bytes: z.number().int(),
});
export type ScanPage = z.infer<typeof scanPageSchema>;

export const scanSessionSchema = z.object({
  sessionId: z.string().uuid(),
  draftId: z.string().uuid(),
  documentKind: z.string(),
  documentName: z.string(),
  pages: z.array(scanPageSchema),
  scanning: z.boolean(),
});
export type ScanSession = z.infer<typeof scanSessionSchema>;

const sessionId = z.object({ sessionId: z.string().uuid() }).strict();

export const scanningContract = {
  scanners: method({ summary: 'Scanners this machine can use (SANE, eSCL)', input: z.object({}).strict(), output: z.object({ scanners: z.array(scannerInfoSchema) }) }),
  open: method({
    summary: 'Starts scanning one of a draft’s required papers (pages are kept until saved or discarded)',
    input: z.object({ draftId: z.string().uuid(), documentKind: z.string().regex(/^[a-z][a-zA-Z0-9]*$/) }).strict(),
    output: scanSessionSchema,
  }),
  get: method({ summary: 'The pages scanned so far', input: sessionId, output: scanSessionSchema }),
  scan: method({
    summary: 'Scans a batch (or one page in place of `replacePageId`); pages arrive as scanning.page events; a device error keeps the pages already scanned',
    input: z
      .object({
        sessionId: z.string().uuid(),
        deviceId: z.string().min(1),
        source: scanSourceSchema,
        mode: scanModeSchema.default('gray'),
        resolution: z.number().int().min(75).max(600).default(300),
        /** Feeder: stop after this many sheets. */
        maxPages: z.number().int().min(1).max(500).optional(),
        replacePageId: z.string().optional(),
      })
      .strict(),
    output: scanSessionSchema,
  }),
  cancel: method({ summary: 'Stops the batch being scanned; pages already scanned stay', input: sessionId, output: z.object({ cancelled: z.boolean() }) }),
  arrange: method({
    summary: 'New page order, rotations; pages left out are deleted',
    input: z
      .object({
        sessionId: z.string().uuid(),
        pages: z.array(z.object({ id: z.string(), rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]) })),
      })
      .strict(),
    output: scanSessionSchema,
  }),
  save: method({ summary: 'Makes one PDF of the pages and attaches it to the draft (stored encrypted, content-addressed)', input: sessionId, output: draftAttachmentSchema }),
  discard: method({ summary: 'Forgets a scan session and its pages', input: sessionId, output: z.object({ discarded: z.boolean() }) }),
};

export const scanningEvents = {
  'scanning.page': z.object({ sessionId: z.string().uuid(), page: scanPageSchema }),
  'scanning.progress': z.object({ sessionId: z.string().uuid(), page: z.number().int(), fraction: z.number().min(0).max(1) }),
};
