import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DataCipher } from '../crypto/dataCipher';

/**
 * Files (scans, uploaded PDFs) stored content-addressed by SHA-256 under `<dataDir>/files/ab/abcd…`.
 * Written to a temporary name, fsynced, then renamed: a crash leaves the old state or the whole file,
 * never half of one. The same content is stored once, encrypted (AES-256-GCM, services/crypto): the
 * name is the SHA-256 of the plaintext, which the receiving side checks, the bytes are never plain.
 */
export class FileStore {
  constructor(
    private readonly root: string,
    private readonly cipher: DataCipher,
  ) {}

  private pathOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  put(content: Uint8Array): { sha256: string; bytes: number } {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const target = this.pathOf(sha256);
    if (!fs.existsSync(target)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      const fd = fs.openSync(temp, 'wx', 0o600);
      try {
        fs.writeSync(fd, this.cipher.encryptBytes(content));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, target);
    }
    return { sha256, bytes: content.byteLength };
  }

  get(sha256: string): Uint8Array {
    return this.cipher.decryptBytes(fs.readFileSync(this.pathOf(sha256)));
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.pathOf(sha256));
  }

  /** Deletes a stored file (retention); true when there was one. The caller checks that nothing still uses it. */
  remove(sha256: string): boolean {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('FileStore.remove: not a SHA-256');
    try {
      fs.unlinkSync(this.pathOf(sha256));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }
}
