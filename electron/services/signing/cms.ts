import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** CMS (RFC 5652) SignedData for PAdES baseline (ETSI EN 319 142-1): detached, built with pkijs. */

export const oid = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

export type SignatureAlgorithm = 'rsa-sha256' | 'ecdsa-sha256';

function certificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(Uint8Array.from(der));
}

/**
 * Signed attributes: content-type, message-digest and ESS signing-certificate-v2 (binds the signer's
 * certificate to the signature). No signing-time: PAdES puts the claimed time in the signature
 * dictionary's /M instead (EN 319 142-1 §5.2.3).
 */
export function signedAttributes(digest: Uint8Array, signerDer: Uint8Array): pkijs.Attribute[] {
  const signer = certificate(signerDer);
  const certHash = createHash('sha256').update(signerDer).digest();
  const essCertIdV2 = new asn1js.Sequence({
    value: [
      // hashAlgorithm left out: its DEFAULT is id-sha256.
      new asn1js.OctetString({ valueHex: certHash }),
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [signer.issuer.toSchema()] })] }),
          new asn1js.Integer({ valueHex: signer.serialNumber.valueBlock.valueHexView }),
        ],
      }),
    ],
  });
  return [
    new pkijs.Attribute({ type: oid.contentType, values: [new asn1js.ObjectIdentifier({ value: oid.data })] }),
    new pkijs.Attribute({ type: oid.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
    new pkijs.Attribute({ type: oid.signingCertificateV2, values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })] }),
  ];
}

/** The bytes the token signs: the signed attributes DER-encoded as a SET (tag 0x31), not as [0] (RFC 5652 §5.4). */
export function toBeSigned(attributes: pkijs.Attribute[]): Uint8Array {
  const encoded = new Uint8Array(new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }).toSchema().toBER(false));
  encoded[0] = 0x31;
  return encoded;
}

export interface CmsParts {
  algorithm: SignatureAlgorithm;
  /** The signer's certificate first, then the rest of its chain. */
  certificates: Uint8Array[];
  attributes: pkijs.Attribute[];
  signature: Uint8Array;
  /** RFC 3161 TimeStampToken (a ContentInfo, DER) over the signature value: PAdES B-T. */
  timestampToken?: Uint8Array;
}

/** The DER ContentInfo that goes into the PDF's /Contents. */
export function assembleCms(parts: CmsParts): Uint8Array {
  const [signerDer] = parts.certificates;
  if (!signerDer) throw new Error('no signer certificate');
  const signer = certificate(signerDer);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: oid.sha256 }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: parts.attributes }),
    signatureAlgorithm:
      parts.algorithm === 'rsa-sha256'
        ? new pkijs.AlgorithmIdentifier({ algorithmId: oid.rsaEncryption, algorithmParams: new asn1js.Null() })
        : new pkijs.AlgorithmIdentifier({ algorithmId: oid.ecdsaWithSha256 }),
    signature: new asn1js.OctetString({ valueHex: parts.signature }),
    ...(parts.timestampToken
      ? { unsignedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 1, attributes: [new pkijs.Attribute({ type: oid.timeStampToken, values: [asn1js.fromBER(parts.timestampToken).result] })] }) }
      : {}),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: oid.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: oid.data }),
    certificates: parts.certificates.map(certificate),
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: oid.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

/** The largest signature value the key can produce: RSA the modulus size, ECDSA P-256 DER at most 72 bytes. */
export function maxSignatureLength(signerDer: Uint8Array): number {
  const spki = certificate(signerDer).subjectPublicKeyInfo;
  if (spki.algorithm.algorithmId === oid.rsaEncryption) {
    const key = asn1js.fromBER(spki.subjectPublicKey.valueBlock.valueHexView).result as asn1js.Sequence;
    const modulus = (key.valueBlock.value[0] as asn1js.Integer).valueBlock.valueHexView;
    return modulus[0] === 0 ? modulus.length - 1 : modulus.length;
  }
  // ECDSA: SEQUENCE { INTEGER r, INTEGER s }, each up to the order size + a sign byte.
  const curveBytes = Math.ceil(((spki.subjectPublicKey.valueBlock.valueHexView.length - 1) / 2) * 8 / 8);
  return 2 + 2 * (2 + curveBytes + 1);
}

/**
 * The exact size the CMS will have: assembled once with a dummy digest and a signature of the key's
 * maximum length (same structure, same certificates), plus the timestamp allowance when one is asked for.
 */
export function computedCmsSize(algorithm: SignatureAlgorithm, certificates: Uint8Array[], timestampAllowance: number): number {
  const dummyDigest = new Uint8Array(32);
  const attributes = signedAttributes(dummyDigest, certificates[0]!);
  const signature = new Uint8Array(maxSignatureLength(certificates[0]!)).fill(0x7f);
  return assembleCms({ algorithm, certificates, attributes, signature }).length + timestampAllowance;
}
