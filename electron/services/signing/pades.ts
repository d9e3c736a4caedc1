import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';
import { assembleCms, computedCmsSize, signedAttributes, toBeSigned, type SignatureAlgorithm } from './cms';
import { buildUpdateSection, snapshotObjects, trailerSize } from './incrementalUpdate';
import { STAMP_SIZE, stampAppearance } from './visibleStamp';

export const SUB_FILTER = 'ETSI.CAdES.detached';

export interface PadesSigner {
  algorithm: SignatureAlgorithm;
  /** Signer's certificate first, then its chain (all embedded in the CMS). */
  certificates: Uint8Array[];
  /** Signs the DER of the signed attributes; returns the CMS signature value (DER for ECDSA). */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

export interface PadesOptions {
  signedAt: Date;
  signerName: string;
  organisation: string | null;
  reason: string | null;
  /** Liberation Serif bytes: a visible stamp on the first page; absent: an invisible signature. */
  visibleFont?: Uint8Array;
  /** RFC 3161: returns a TimeStampToken (DER) for the signature value. */
  timestamp?: (signatureValue: Uint8Array) => Promise<Uint8Array>;
  /** Bytes kept for the timestamp token (its size depends on the TSA's certificate chain). */
  timestampAllowance?: number;
}

export class PdfInputError extends Error {}

/** PDF date, UTC: D:YYYYMMDDHHmmSS+00'00'. */
function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+00'00'`;
}

const BYTE_RANGE_PLACEHOLDER = '/ByteRange [0 ********** ********** **********]';

function existingSignatureCount(acroForm: PDFDict | undefined): number {
  const fields = acroForm?.lookup(PDFName.of('Fields'));
  if (!(fields instanceof PDFArray)) return 0;
  let count = 0;
  for (let i = 0; i < fields.size(); i++) {
    const field = fields.lookup(i);
    if (field instanceof PDFDict && field.get(PDFName.of('FT'))?.toString() === '/Sig') count++;
  }
  return count;
}

/**
 * Signs `pdf` as PAdES (subFilter ETSI.CAdES.detached) in an incremental update: the original bytes
 * stay as they are, so any earlier signature remains valid. The /Contents placeholder is sized from
 * the CMS assembled with this signer's certificates and largest signature (cms.computedCmsSize).
 */
export async function signPdf(pdf: Uint8Array, signer: PadesSigner, options: PadesOptions): Promise<Uint8Array> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    throw new PdfInputError((error as Error).message);
  }
  const pages = doc.getPages();
  const page = pages[0];
  if (!page) throw new PdfInputError('the PDF has no page');
  const before = snapshotObjects(doc);
  doc.context.largestObjectNumber = Math.max(doc.context.largestObjectNumber, trailerSize(pdf) - 1);
  const originalLargest = doc.context.largestObjectNumber;

  const catalog = doc.catalog;
  let acroForm = catalog.lookup(PDFName.of('AcroForm'));
  if (!(acroForm instanceof PDFDict)) {
    acroForm = doc.context.obj({ Fields: [] });
    catalog.set(PDFName.of('AcroForm'), doc.context.register(acroForm as PDFDict));
  }
  const form = acroForm as PDFDict;
  const index = existingSignatureCount(form);
  let fields = form.lookup(PDFName.of('Fields'));
  if (!(fields instanceof PDFArray)) {
    fields = doc.context.obj([]);
    form.set(PDFName.of('Fields'), fields as PDFArray);
  }
  // SigFlags 3: SignaturesExist | AppendOnly — viewers then save incrementally too.
  form.set(PDFName.of('SigFlags'), PDFNumber.of(3));

  const sigRef = doc.context.nextRef();
  const { width } = page.getSize();
  const rect = options.visibleFont
    ? [width - STAMP_SIZE.width - 36, 36 + index * (STAMP_SIZE.height + 6), width - 36, 36 + index * (STAMP_SIZE.height + 6) + STAMP_SIZE.height]
    : [0, 0, 0, 0];
  const widget: Record<string, unknown> = {
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFHexString.fromText(`Signature${index + 1}`),
    V: sigRef,
    F: 132, // Print + Locked
    Rect: rect,
    P: page.ref,
  };
  if (options.visibleFont) {
    widget.AP = { N: await stampAppearance(doc, options.visibleFont, { signerName: options.signerName, organisation: options.organisation, signedAt: options.signedAt, reason: options.reason }) };
  }
  const widgetRef = doc.context.register(doc.context.obj(widget as never));
  page.node.addAnnot(widgetRef);
  (fields as PDFArray).push(widgetRef);
  await doc.flush();

  const cmsSize = computedCmsSize(signer.algorithm, signer.certificates, options.timestamp ? (options.timestampAllowance ?? 8192) : 0);
  const hexLength = cmsSize * 2;
  const text = (s: string) => PDFHexString.fromText(s).toString();
  const sigDict = [
    '<< /Type /Sig /Filter /Adobe.PPKLite',
    `/SubFilter /${SUB_FILTER}`,
    BYTE_RANGE_PLACEHOLDER,
    `/Contents <${'0'.repeat(hexLength)}>`,
    `/M (${pdfDate(options.signedAt)})`,
    `/Name ${text(options.signerName)}`,
    ...(options.reason ? [`/Reason ${text(options.reason)}`] : []),
    '>>',
  ].join('\n');
  const sigBody = new TextEncoder().encode(sigDict);
  const section = buildUpdateSection(pdf, doc, before, originalLargest, [{ ref: sigRef as PDFRef, body: sigBody }]);

  const out = new Uint8Array(pdf.length + section.bytes.length);
  out.set(pdf, 0);
  out.set(section.bytes, pdf.length);
  const sigStart = pdf.length + section.rawOffsets.get(sigRef.tag)!;
  const contentsAt = sigStart + sigDict.indexOf('/Contents <') + '/Contents '.length;
  const contentsEnd = contentsAt + hexLength + 2;
  const range = `/ByteRange [0 ${contentsAt} ${contentsEnd} ${out.length - contentsEnd}]`;
  if (range.length > BYTE_RANGE_PLACEHOLDER.length) throw new Error('ByteRange does not fit its placeholder');
  out.set(new TextEncoder().encode(range.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ')), sigStart + sigDict.indexOf(BYTE_RANGE_PLACEHOLDER));

  const digest = createHash('sha256').update(out.subarray(0, contentsAt)).update(out.subarray(contentsEnd)).digest();
  const attributes = signedAttributes(digest, signer.certificates[0]!);
  const signature = await signer.sign(toBeSigned(attributes));
  const timestampToken = options.timestamp ? await options.timestamp(signature) : undefined;
  const cms = assembleCms({ algorithm: signer.algorithm, certificates: signer.certificates, attributes, signature, timestampToken });
  if (cms.length > cmsSize) throw new Error(`CMS of ${cms.length} bytes exceeds the computed ${cmsSize}`);
  out.set(new TextEncoder().encode(Buffer.from(cms).toString('hex')), contentsAt + 1);
  return out;
}
