import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type * as Electron from 'electron';
import { aesGcmOpen, aesGcmSeal, type KeyProtector } from '../services/crypto/keyProtector';
import type { Logger } from '../services/logger';

type SafeStorage = Pick<Electron.SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & Partial<Pick<Electron.SafeStorage, 'getSelectedStorageBackend'>>;

/**
 * The app's key protector: a key-encryption key sealed by Electron safeStorage (DPAPI on Windows,
 * the Secret Service / KWallet on Linux) in `<dir>/master.sealed`. Without OS encryption (a Linux
 * kiosk with no keyring gives 'basic_text'), the 0600 key file is used instead and the log says so.
 */
export function safeStorageKeyProtector(safeStorage: SafeStorage, dir: string, logger: Logger, fallback: () => KeyProtector): KeyProtector {
  const backend = safeStorage.getSelectedStorageBackend?.();
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text') {
    logger.warn({ event: 'safe-storage-unavailable', backend: backend ?? 'unknown' }, 'OS encryption unavailable: data keys sealed by the key file');
    return fallback();
  }
  const file = path.join(dir, 'master.sealed');
  let kek: Buffer;
  if (fs.existsSync(file)) {
    kek = Buffer.from(safeStorage.decryptString(fs.readFileSync(file)), 'base64');
  } else {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    kek = randomBytes(32);
    fs.writeFileSync(file, safeStorage.encryptString(kek.toString('base64')), { mode: 0o600, flag: 'wx' });
  }
  if (kek.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
  return { kind: 'safe-storage', seal: (key) => aesGcmSeal(kek, key), unseal: (sealed) => aesGcmOpen(kek, sealed) };
}
