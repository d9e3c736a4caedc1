import { createCipheriv, createDecipheriv, createHash, createPublicKey, randomBytes, scryptSync, sign, verify, type KeyObject } from 'node:crypto';
import { ContractError } from '../../contract/errors';
import { canonicalJson } from '../canonicalJson';
import type { DossierManifest } from './manifest';

/**
 * The offline transfer bundle (a USB drive when the link is down for days): the same manifests and
 * attachment bytes the network path sends, with the same ids, so the receiver's idempotency makes
 * "both paths delivered" harmless. Encrypted with AES-256-GCM under a key derived (scrypt) from a
 * transfer passphrase, and signed (Ed25519) by the exporting machine so the importer knows where it
 * came from and that nobody changed it on the way.
 */
export interface BundleContent {
  dossiers: { manifest: DossierManifest; attachments: Record<string, string> }[];
}

interface BundleFile {
  format: 'motcua-transfer-bundle';
  version: 1;
  createdAt: string;
  signer: { publicKey: string; fingerprint: string };
  kdf: { name: 'scrypt'; salt: string; N: number; r: number; p: number };
  cipher: { name: 'aes-256-gcm'; iv: string; tag: string };
  ciphertext: string;
  signature?: string;
}

const SCRYPT = { N: 2 ** 15, r: 8, p: 1 };

export function fingerprintOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 32);
}

function deriveKey(passphrase: string, salt: Buffer): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { ...SCRYPT, maxmem: 64 * 1024 * 1024 });
}

function bundleError(code: string, vi: string, en: string): ContractError {
  return new ContractError({ code, message_vi: vi, message_en: en, details: { field: '--in' } });
}

export function sealBundle(content: BundleContent, passphrase: string, signingKey: KeyObject, now: Date): Buffer {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt), iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(content), 'utf8'), cipher.final()]);
  const publicKey = createPublicKey(signingKey);
  const file: BundleFile = {
    format: 'motcua-transfer-bundle',
    version: 1,
    createdAt: now.toISOString(),
    signer: { publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), fingerprint: fingerprintOf(publicKey) },
    kdf: { name: 'scrypt', salt: salt.toString('base64'), ...SCRYPT },
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
    ciphertext: ciphertext.toString('base64'),
  };
  file.signature = sign(null, Buffer.from(canonicalJson(file)), signingKey).toString('base64');
  return Buffer.from(JSON.stringify(file));
}

/** Verifies the signature (and, when given, that the signer is the expected machine), then decrypts. */
export function openBundle(raw: Buffer, passphrase: string, trustedFingerprint?: string): { content: BundleContent; signer: string; createdAt: string } {
  let file: BundleFile;
  try {
    file = JSON.parse(raw.toString('utf8')) as BundleFile;
  } catch {
    throw bundleError('BUNDLE_INVALID', 'Tệp không phải gói chuyển hồ sơ của Một Cửa Kiosk.', 'The file is not a Một Cửa Kiosk transfer bundle.');
  }
  if (file.format !== 'motcua-transfer-bundle' || file.version !== 1 || !file.signature) {
    throw bundleError('BUNDLE_INVALID', 'Tệp không phải gói chuyển hồ sơ (phiên bản 1).', 'The file is not a version 1 transfer bundle.');
  }
  const { signature, ...unsigned } = file;
  const publicKey = createPublicKey(file.signer.publicKey);
  const fingerprint = fingerprintOf(publicKey);
  if (!verify(null, Buffer.from(canonicalJson(unsigned)), publicKey, Buffer.from(signature, 'base64')) || fingerprint !== file.signer.fingerprint) {
    throw bundleError('BUNDLE_SIGNATURE_INVALID', 'Chữ ký của gói không đúng: gói đã bị sửa hoặc hỏng trên đường.', 'The bundle signature does not verify: it was changed or damaged on the way.');
  }
  if (trustedFingerprint && trustedFingerprint.toLowerCase() !== fingerprint) {
    throw bundleError('BUNDLE_SIGNER_UNTRUSTED', `Gói do máy ${fingerprint} ký, không phải máy ${trustedFingerprint} được chỉ định.`, `The bundle was signed by ${fingerprint}, not by the expected machine ${trustedFingerprint}.`);
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(passphrase, Buffer.from(file.kdf.salt, 'base64')), Buffer.from(file.cipher.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(file.cipher.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(file.ciphertext, 'base64')), decipher.final()]);
    return { content: JSON.parse(plain.toString('utf8')) as BundleContent, signer: fingerprint, createdAt: file.createdAt };
  } catch {
    throw bundleError('BUNDLE_KEY_INCORRECT', 'Không giải mã được gói: mật khẩu chuyển hồ sơ không đúng.', 'The bundle cannot be decrypted: wrong transfer passphrase.');
  }
}
