import { createHash, createVerify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { oid } from './cms';

export interface SignatureCheck {
  field: number;
  signer: string;
  subFilter: string | null;
  /** Digest over the ByteRange matches and the signature verifies with the embedded certificate. */
  valid: boolean;
  /** The ByteRange reaches the end of the file (the last signature of a document). */
  coversWholeDocument: boolean;
  hasSigningCertificateV2: boolean;
  hasSigningTime: boolean;
}

/** Parses a CMS ContentInfo (trailing zero padding allowed) into its SignedData. */
export function parseSignedData(cms: Uint8Array): pkijs.SignedData {
  const asn1 = asn1js.fromBER(cms);
  if (asn1.offset === -1) throw new Error('CMS is not DER');
  const info = new pkijs.ContentInfo({ schema: asn1.result });
  return new pkijs.SignedData({ schema: info.content });
}

/**
 * Checks every signature in a signed PDF on its own (the product shows the result back after
 * signing): message digest over the ByteRange, signature over the signed attributes. Trust in the
 * CA chain is not judged here.
 */
export function verifyPdfSignatures(pdf: Uint8Array): SignatureCheck[] {
  const text = new TextDecoder('latin1').decode(pdf);
  const checks: SignatureCheck[] = [];
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  let field = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    field++;
    const [a, b, c, d] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const dictStart = text.lastIndexOf('<<', m.index);
    const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(text.slice(dictStart, c))?.[1] ?? null;
    const hex = text.slice(b + 1, c - 1);
    const check: SignatureCheck = { field, signer: '', subFilter, valid: false, coversWholeDocument: c + d === pdf.length, hasSigningCertificateV2: false, hasSigningTime: false };
    try {
      // The zero padding after the DER is ignored by the parser.
      const signed = parseSignedData(Buffer.from(hex, 'hex'));
      const info = signed.signerInfos[0]!;
      const attrs = info.signedAttrs?.attributes ?? [];
      check.hasSigningCertificateV2 = attrs.some((x) => x.type === oid.signingCertificateV2);
      check.hasSigningTime = attrs.some((x) => x.type === oid.signingTime);
      const digestAttr = attrs.find((x) => x.type === oid.messageDigest)?.values[0] as asn1js.OctetString | undefined;
      const digest = createHash('sha256').update(pdf.subarray(a, a + b)).update(pdf.subarray(c, c + d)).digest();
      const sid = info.sid as pkijs.IssuerAndSerialNumber;
      const cert = (signed.certificates ?? []).find((x): x is pkijs.Certificate => x instanceof pkijs.Certificate && x.serialNumber.isEqual(sid.serialNumber) && x.issuer.isEqual(sid.issuer));
      if (!cert || !digestAttr || !info.signedAttrs) throw new Error('incomplete CMS');
      const x509 = new X509Certificate(Buffer.from(cert.toSchema().toBER(false)));
      check.signer = x509.subject.split('\n').find((l) => l.startsWith('CN='))?.slice(3) ?? x509.subject;
      const tbs = new Uint8Array(info.signedAttrs.toSchema().toBER(false));
      tbs[0] = 0x31;
      const signatureOk = createVerify('sha256').update(tbs).verify(x509.publicKey, Buffer.from(info.signature.valueBlock.valueHexView));
      check.valid = signatureOk && Buffer.from(digestAttr.valueBlock.valueHexView).equals(digest);
    } catch {
      check.valid = false;
    }
    checks.push(check);
  }
  return checks;
}
