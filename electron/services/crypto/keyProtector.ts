import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Seals the data keys with a secret the machine keeps outside the database: Electron's safeStorage
 * (DPAPI on Windows, the keyring on Linux) in the app — electron/main/safeStorageProtector.ts —,
 * a 0600 key file for the CLI and the tests. A stolen database alone opens nothing.
 */
export interface KeyProtector {
  readonly kind: string;
  seal(key: Buffer): Buffer;
  unseal(sealed: Buffer): Buffer;
}

/** AES-256-GCM: iv (12) | tag (16) | ciphertext. */
export function aesGcmSeal(key: Buffer, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function aesGcmOpen(key: Buffer, sealed: Buffer): Buffer {
  if (sealed.length < 28) throw new Error('sealed value too short');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
}

/** A 32-byte key-encryption key in `<dir>/master.key`, created 0600 on first use. */
export function fileKeyProtector(dir: string): KeyProtector {
  const file = path.join(dir, 'master.key');
  let kek: Buffer;
  if (fs.existsSync(file)) {
    kek = fs.readFileSync(file);
    if (kek.length !== 32) throw new Error(`${file} is not a 32-byte key`);
  } else {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    kek = randomBytes(32);
    fs.writeFileSync(file, kek, { mode: 0o600, flag: 'wx' });
  }
  return { kind: 'key-file', seal: (key) => aesGcmSeal(kek, key), unseal: (sealed) => aesGcmOpen(kek, sealed) };
}
