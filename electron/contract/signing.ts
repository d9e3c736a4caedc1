import { z } from 'zod';
import { bytesSchema, method } from './define';

/** Signing with USB tokens (PKCS#11) and PAdES PDFs: what the renderer and the CLI see. */

export const pinStatusSchema = z.object({ countLow: z.boolean(), finalTry: z.boolean(), locked: z.boolean() });

export const tokenCertificateSchema = z.object({
  id: z.string(),
  subject: z.string(),
  issuer: z.string(),
  commonName: z.string().nullable(),
  organisation: z.string().nullable(),
  issuerName: z.string().nullable(),
  notBefore: z.string(),
  notAfter: z.string(),
  keyUsage: z.array(z.string()).nullable(),
  hasPrivateKey: z.boolean(),
});
export type TokenCertificate = z.infer<typeof tokenCertificateSchema>;

export const tokenSchema = z.object({
  slot: z.number().int(),
  label: z.string(),
  serial: z.string(),
  pin: pinStatusSchema,
  certificates: z.array(tokenCertificateSchema),
});
export type TokenSummary = z.infer<typeof tokenSchema>;

const moduleSchema = z.string().min(1).max(1000).optional();

const signOptions = {
  module: moduleSchema,
  tokenLabel: z.string().max(64).optional(),
  certId: z.string().regex(/^[0-9a-fA-F]{1,128}$/).optional(),
  // The token decides what a PIN is (4–16 characters on the Vietnamese CAs' tokens).
  pin: z.string().min(1).max(64),
  reason: z.string().max(200).optional(),
  visible: z.boolean().default(false),
  /** The second, explicit confirmation required when the token is at its final try. */
  confirmFinalTry: z.boolean().default(false),
};

export const signatureCheckSchema = z.object({
  field: z.number().int(),
  signer: z.string(),
  subFilter: z.string().nullable(),
  valid: z.boolean(),
  coversWholeDocument: z.boolean(),
  hasSigningCertificateV2: z.boolean(),
  hasSigningTime: z.boolean(),
});

export const signResultSchema = z.object({
  pdf: bytesSchema,
  signer: z.string(),
  signedAt: z.string(),
  subFilter: z.string(),
  verification: z.array(signatureCheckSchema),
});
export type SignResult = z.infer<typeof signResultSchema>;

export const signingContract = {
  tokens: method({
    input: z.object({ module: moduleSchema }).strict(),
    output: z.object({ module: z.string(), tokens: z.array(tokenSchema) }),
    summary: 'Lists the tokens of a PKCS#11 module and their certificates',
  }),
  sign: method({
    input: z.object({ ...signOptions, pdf: bytesSchema }).strict(),
    output: signResultSchema,
    summary: 'Signs a PDF (PAdES, ETSI.CAdES.detached) with a token; the result verified again',
  }),
  signApplication: method({
    input: z.object({ ...signOptions, dossierId: z.string().min(1) }).strict(),
    output: signResultSchema.extend({ fileName: z.string() }),
    summary: "Renders a dossier's application form and signs it",
  }),
  watch: method({
    input: z.object({ module: moduleSchema }).strict(),
    output: z.object({ module: z.string(), watching: z.boolean() }),
    summary: 'Starts polling the slot list; token.inserted / token.removed events follow',
  }),
} as const;

export const tokenPresenceEventSchema = z.object({ module: z.string(), slot: z.number().int(), label: z.string(), serial: z.string() });
