import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { safeStorageKeyProtector } from '../../electron/main/safeStorageProtector';
import { fileKeyProtector } from '../../electron/services/crypto/keyProtector';
import { createLogger } from '../../electron/services/logger';
import { tempDir } from '../support/tempDir';

/** Electron's safeStorage cannot run here: a stand-in that, like the OS keyring, transforms reversibly. */
function fakeSafeStorage(backend = 'gnome_libsecret') {
  const mask = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend as 'gnome_libsecret',
    encryptString: vi.fn((text: string) => mask(Buffer.from(`v10${text}`))),
    decryptString: vi.fn((sealed: Buffer) => mask(sealed).toString().slice(3)),
  };
}

describe('safeStorage key protector', () => {
  it('seals the key-encryption key with the OS, and opens what it sealed after a restart', () => {
    const dir = tempDir();
    const logger = createLogger(undefined, 'silent');
    const storage = fakeSafeStorage();
    const first = safeStorageKeyProtector(storage, dir, logger, () => fileKeyProtector(dir));
    expect(first.kind).toBe('safe-storage');
    const dataKey = Buffer.alloc(32, 7);
    const sealed = first.seal(dataKey);
    expect(fs.existsSync(path.join(dir, 'master.key'))).toBe(false);
    expect(fs.statSync(path.join(dir, 'master.sealed')).mode & 0o077).toBe(0);
    const again = safeStorageKeyProtector(storage, dir, logger, () => fileKeyProtector(dir));
    expect(again.unseal(sealed).equals(dataKey)).toBe(true);
    expect(storage.decryptString).toHaveBeenCalledTimes(1);
  });

  it('falls back to the key file, and says so, where the OS offers no real encryption', () => {
    const dir = tempDir();
    const lines: string[] = [];
    const logger = createLogger({ write: (line: string) => lines.push(line) } as never, 'info');
    const protector = safeStorageKeyProtector(fakeSafeStorage('basic_text'), dir, logger, () => fileKeyProtector(dir));
    expect(protector.kind).toBe('key-file');
    expect(lines.join('')).toContain('safe-storage-unavailable');
  });
});
