import { ContractError } from '../../contract/errors';
import type { Pkcs11Module } from '../../../native/token/pkcs11Session';
import type { SignatureAlgorithm } from './cms';
import { PdfInputError, signPdf } from './pades';
import { requestTimestamp } from './timestamp';
import { verifyPdfSignatures, type SignatureCheck } from './verify';

/** Everything the worker needs to sign one PDF: plain data (structured clone), the PIN included and nowhere kept. */
export interface SignPdfJob {
  module: string;
  slot: number;
  certId: string;
  pin: string;
  confirmFinalTry: boolean;
  algorithm: SignatureAlgorithm;
  certificates: Uint8Array[];
  pdf: Uint8Array;
  signedAt: string;
  signerName: string;
  organisation: string | null;
  reason: string | null;
  visibleFont: Uint8Array | null;
  tsaUrl: string | null;
}

export interface SignPdfJobResult {
  pdf: Uint8Array;
  verification: SignatureCheck[];
}

/**
 * Runs inside the token worker: PDF assembly, CMS and the token's signature in one thread, so the
 * main process only waits for a message (DESIGN §3: pdf-lib and CMS never on the main event loop).
 */
export async function runSignPdfJob(job: SignPdfJob, module: Pkcs11Module): Promise<SignPdfJobResult> {
  let pdf: Uint8Array;
  try {
    pdf = await signPdf(
      job.pdf,
      {
        algorithm: job.algorithm,
        certificates: job.certificates,
        sign: (data) => Promise.resolve(module.sign({ module: job.module, slot: job.slot, certId: job.certId, pin: job.pin, algorithm: job.algorithm, data, confirmFinalTry: job.confirmFinalTry })),
      },
      {
        signedAt: new Date(job.signedAt),
        signerName: job.signerName,
        organisation: job.organisation,
        reason: job.reason,
        visibleFont: job.visibleFont ?? undefined,
        timestamp: job.tsaUrl ? (value) => requestTimestamp(job.tsaUrl!, value) : undefined,
      },
    );
  } catch (error) {
    if (error instanceof PdfInputError)
      throw new ContractError({ code: 'PDF_INVALID', message_vi: `Tệp PDF không đọc được hoặc đã mã hóa: ${error.message}`, message_en: `The PDF cannot be read or is encrypted: ${error.message}`, details: { field: 'in' } });
    throw error;
  }
  return { pdf, verification: verifyPdfSignatures(pdf) };
}
