import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Files (scans, uploaded PDFs) stored content-addressed by SHA-256 under `<dataDir>/files/ab/abcd…`.
 * Written to a temporary name, fsynced, then renamed: a crash leaves the old state or the whole file,
 * never half of one. The same content is stored once. (Encryption at rest is the privacy issue's.)
 */
export class FileStore {
  constructor(private readonly root: string) {}

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
        fs.writeSync(fd, content);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, target);
    }
    return { sha256, bytes: content.byteLength };
  }

  get(sha256: string): Uint8Array {
    return fs.readFileSync(this.pathOf(sha256));
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.pathOf(sha256));
  }
}
