import { createHmac, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ContractError } from '../../contract/errors';
import { aesGcmOpen, aesGcmSeal, type KeyProtector } from './keyProtector';

const textPrefix = 'enc1:';

function unsealOrExplain(protector: KeyProtector, sealed: Buffer): Buffer {
  try {
    return protector.unseal(sealed);
  } catch {
    throw new ContractError({
      code: 'KEYS_UNAVAILABLE',
      message_vi: `Không mở được khóa dữ liệu (${protector.kind}): dữ liệu này được khóa bằng khóa của máy khác hoặc của ứng dụng. Hãy chạy trên đúng máy, hoặc khôi phục thư mục khóa (keys/).`,
      message_en: `The data keys cannot be opened (${protector.kind}): this data was locked with another machine's or the app's key. Run on the right machine, or restore the keys/ folder.`,
      details: { protector: protector.kind },
    });
  }
}
const bytesMagic = Buffer.from('MCE1');

interface KeyRow {
  id: number;
  purpose: 'data' | 'index';
  sealed: Buffer;
  retired_at: string | null;
}

/**
 * Encrypts personal data at rest with AES-256-GCM under the newest data key; reads with whichever
 * key a value names. Text becomes `enc1:<keyId>:<base64>`, files `MCE1 | keyId (4) | sealed`.
 * Keyed hashes (HMAC-SHA-256 with the separate index key) let us look values up without storing them.
 */
export class DataCipher {
  private readonly keys = new Map<number, Buffer>();
  private currentId = 0;
  private indexKey: Buffer;

  constructor(
    private readonly db: Database,
    private readonly protector: KeyProtector,
    private readonly now: () => Date,
  ) {
    const rows = db.prepare<[], KeyRow>('SELECT id, purpose, sealed, retired_at FROM crypto_keys ORDER BY id').all();
    let index: Buffer | null = null;
    for (const row of rows) {
      if (row.retired_at !== null) continue; // destroyed at the end of a rotation
      const key = unsealOrExplain(protector, row.sealed);
      if (row.purpose === 'index') index = key;
      else {
        this.keys.set(row.id, key);
        if (row.retired_at === null) this.currentId = row.id;
      }
    }
    this.indexKey = index ?? this.addKey('index');
    if (this.currentId === 0) this.currentId = this.addKeyId('data');
  }

  private addKeyId(purpose: 'data' | 'index'): number {
    const key = randomBytes(32);
    const id = Number(this.db.prepare('INSERT INTO crypto_keys (purpose, sealed, created_at) VALUES (?, ?, ?)').run(purpose, this.protector.seal(key), this.now().toISOString()).lastInsertRowid);
    if (purpose === 'data') this.keys.set(id, key);
    return id;
  }

  private addKey(purpose: 'index'): Buffer {
    const id = this.addKeyId(purpose);
    const row = this.db.prepare<[number], { sealed: Buffer }>('SELECT sealed FROM crypto_keys WHERE id = ?').get(id)!;
    return unsealOrExplain(this.protector, row.sealed);
  }

  private key(id: number): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new Error(`no data key ${id}: the database and its keys do not belong together`);
    return key;
  }

  encryptText(plain: string): string {
    return `${textPrefix}${this.currentId}:${aesGcmSeal(this.key(this.currentId), Buffer.from(plain, 'utf8')).toString('base64')}`;
  }

  decryptText(stored: string): string {
    if (!stored.startsWith(textPrefix)) throw new Error('value is not encrypted');
    const colon = stored.indexOf(':', textPrefix.length);
    const id = Number(stored.slice(textPrefix.length, colon));
    return aesGcmOpen(this.key(id), Buffer.from(stored.slice(colon + 1), 'base64')).toString('utf8');
  }

  encryptBytes(plain: Uint8Array): Buffer {
    const id = Buffer.alloc(4);
    id.writeUInt32BE(this.currentId);
    return Buffer.concat([bytesMagic, id, aesGcmSeal(this.key(this.currentId), Buffer.from(plain))]);
  }

  decryptBytes(stored: Buffer): Buffer {
    if (!stored.subarray(0, 4).equals(bytesMagic)) throw new Error('file is not encrypted');
    return aesGcmOpen(this.key(stored.readUInt32BE(4)), stored.subarray(8));
  }

  /** Which data key encrypted this text (rotation re-encrypts what is not under the current one). */
  keyIdOfText(stored: string): number {
    return Number(stored.slice(textPrefix.length, stored.indexOf(':', textPrefix.length)));
  }

  get currentKeyId(): number {
    return this.currentId;
  }

  /** Keyed hash for look-ups of values we must not store (retrieval codes, ID numbers). */
  indexHash(value: string): string {
    return createHmac('sha256', this.indexKey).update(value, 'utf8').digest('hex');
  }

  /** A new data key for all writes from now on; the caller re-encrypts and then retires the old ones. */
  startRotation(): { oldIds: number[]; newId: number } {
    const oldIds = [...this.keys.keys()];
    this.currentId = this.addKeyId('data');
    return { oldIds, newId: this.currentId };
  }

  retire(ids: number[]): void {
    const retire = this.db.prepare('UPDATE crypto_keys SET retired_at = ?, sealed = ? WHERE id = ?');
    for (const id of ids) {
      // The retired key is destroyed: nothing is encrypted under it any more.
      retire.run(this.now().toISOString(), Buffer.alloc(0), id);
      this.keys.delete(id);
    }
  }
}
