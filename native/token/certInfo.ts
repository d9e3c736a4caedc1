import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { CertificateInfo } from './types';

const attributeNames: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.5': 'SERIALNUMBER',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.2.840.113549.1.9.1': 'E',
};

// keyUsage bit order (RFC 5280 §4.2.1.3).
const keyUsageBits = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'];

function rdnText(name: pkijs.RelativeDistinguishedNames): { text: string; get: (short: string) => string | null } {
  const parts = name.typesAndValues.map((tv) => ({ short: attributeNames[tv.type] ?? tv.type, value: String((tv.value as { valueBlock: { value: unknown } }).valueBlock.value) }));
  return {
    // Most specific first, as Windows and the CAs' tools show it.
    text: [...parts].reverse().map((p) => `${p.short}=${p.value}`).join(', '),
    get: (short) => parts.find((p) => p.short === short)?.value ?? null,
  };
}

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  const asn1 = asn1js.fromBER(der);
  if (asn1.offset === -1) throw new Error('certificate is not DER');
  return new pkijs.Certificate({ schema: asn1.result });
}

export function keyUsageOf(cert: pkijs.Certificate): string[] | null {
  const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.15');
  if (!ext) return null;
  const bits = (ext.parsedValue as asn1js.BitString | undefined) ?? (asn1js.fromBER(ext.extnValue.valueBlock.valueHexView).result as asn1js.BitString);
  const bytes = bits.valueBlock.valueHexView;
  const names: string[] = [];
  keyUsageBits.forEach((name, i) => {
    const byte = bytes[i >> 3] ?? 0;
    if (byte & (0x80 >> (i & 7))) names.push(name);
  });
  return names;
}

/** Subject, issuer, validity and key usage of a certificate found on a token. */
export function describeCertificate(der: Uint8Array, id: string, label: string, hasPrivateKey: boolean): CertificateInfo {
  const cert = parseCertificate(der);
  const subject = rdnText(cert.subject);
  const issuer = rdnText(cert.issuer);
  const algorithm = cert.subjectPublicKeyInfo.algorithm.algorithmId;
  return {
    id,
    label,
    subject: subject.text,
    issuer: issuer.text,
    commonName: subject.get('CN'),
    organisation: subject.get('O'),
    issuerName: issuer.get('CN') ?? issuer.get('O'),
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
    keyUsage: keyUsageOf(cert),
    keyAlgorithm: algorithm === '1.2.840.113549.1.1.1' ? 'rsa' : algorithm === '1.2.840.10045.2.1' ? 'ec' : 'other',
    hasPrivateKey,
    der,
  };
}
