import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { AuditVerification } from '../../contract/audit';
import { canonicalJson } from '../canonicalJson';

/** Who did it: the transport a call came through ('ipc', 'cli', 'e2e', 'test'), 'system', later an account id. */
export type AuditActor = string;

/** Values an entry's details may hold: ids, codes, counts, states, flags, and lists of them. */
export type AuditValue = string | number | boolean | null | readonly AuditValue[];
export type AuditDetails = Readonly<Record<string, AuditValue>>;

export interface AuditEntryInput {
  actor: AuditActor;
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  details?: AuditDetails;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details_json: string;
  prev_hash: string;
  hash: string;
}

export const genesisHash = '0'.repeat(64);
const maxValueLength = 64;

/**
 * True for a string that may be personal data: long free text, or anything with Vietnamese letters
 * (a name, an address). Ids, codes and field names are short ASCII.
 */
export function looksPersonal(value: string): boolean {
  if (value.length > maxValueLength) return true;
  // NFD splits ắ, ơ, ư… into a base letter and combining marks; đ/Đ has no decomposition.
  return /[\u0300-\u036f\u0110\u0111]/.test(value.normalize('NFD'));
}

/** Refuses details that look like personal data, so nobody logs a name by mistake. A programming error, not a user's. */
export function checkDetails(details: AuditDetails, where = 'details'): void {
  const check = (value: unknown, path: string): void => {
    if (value === null || typeof value === 'boolean') return;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Error(`audit ${path}: not a finite number`);
      return;
    }
    if (typeof value === 'string') {
      if (looksPersonal(value)) throw new Error(`audit ${path}: refused, looks like personal data (ids, codes, counts and states only)`);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => check(v, `${path}[${i}]`));
      return;
    }
    throw new Error(`audit ${path}: only strings, numbers, booleans, null and lists of them`);
  };
  for (const [key, value] of Object.entries(details)) {
    if (looksPersonal(key)) throw new Error(`audit ${where} key refused: looks like personal data`);
    check(value, `${where}.${key}`);
  }
}

function entryHash(prevHash: string, entry: { id: number; at: string; actor: string; action: string; subjectType: string | null; subjectId: string | null; details: unknown }): string {
  return createHash('sha256').update(prevHash + canonicalJson(entry)).digest('hex');
}

function rowHash(row: AuditRow): string | null {
  let details: unknown;
  try {
    details = JSON.parse(row.details_json);
  } catch {
    return null;
  }
  return entryHash(row.prev_hash, { id: row.id, at: row.at, actor: row.actor, action: row.action, subjectType: row.subject_type, subjectId: row.subject_id, details });
}

/**
 * The append-only, hash-chained audit log (PDPL 91/2025: log access). Each entry's hash is
 * sha256(previous hash + canonical JSON of the entry, its id included), the first entry's previous
 * hash 64 zeros; SQLite triggers refuse UPDATE and DELETE, and `verify()` finds edits by hand.
 */
export class AuditLog {
  private readonly last;
  private readonly insert;

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {
    this.last = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
    this.insert = db.prepare(
      `INSERT INTO audit_log (id, at, actor, action, subject_type, subject_id, details_json, prev_hash, hash)
       VALUES (@id, @at, @actor, @action, @subject_type, @subject_id, @details_json, @prev_hash, @hash)`,
    );
  }

  append(input: AuditEntryInput): { id: number; hash: string } {
    const details = input.details ?? {};
    checkDetails(details);
    for (const [name, value] of [['actor', input.actor], ['action', input.action], ['subjectType', input.subjectType], ['subjectId', input.subjectId]] as const) {
      if (typeof value === 'string' && looksPersonal(value)) throw new Error(`audit ${name}: refused, looks like personal data`);
    }
    // IMMEDIATE: another process (the CLI beside the app) cannot slip an entry between read and write.
    return this.db
      .transaction(() => {
        const previous = this.last.get();
        const entry = {
          id: (previous?.id ?? 0) + 1,
          at: this.now().toISOString(),
          actor: input.actor,
          action: input.action,
          subjectType: input.subjectType ?? null,
          subjectId: input.subjectId ?? null,
          details: JSON.parse(canonicalJson(details)) as unknown,
        };
        const prevHash = previous?.hash ?? genesisHash;
        const hash = entryHash(prevHash, entry);
        this.insert.run({
          id: entry.id,
          at: entry.at,
          actor: entry.actor,
          action: entry.action,
          subject_type: entry.subjectType,
          subject_id: entry.subjectId,
          details_json: canonicalJson(details),
          prev_hash: prevHash,
          hash,
        });
        return { id: entry.id, hash };
      })
      .immediate();
  }

  /**
   * Walks the chain in id order. An entry whose content no longer gives its hash was modified; an
   * entry whose previous hash is not the hash of the entry before it follows a deletion (a gap in the
   * ids, or a missing first entry) or a reordering (it points at another entry of the log).
   * Deleting the newest entries leaves no trace in the chain itself (nothing follows them).
   */
  verify(): AuditVerification {
    const rows = this.db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY id').all();
    const known = new Set(rows.map((r) => r.hash));
    const bad = (id: number, problem: NonNullable<AuditVerification['problem']>): AuditVerification => ({ ok: false, entries: rows.length, firstBadId: id, problem });
    let previous: AuditRow | null = null;
    for (const row of rows) {
      const expectedPrev = previous?.hash ?? genesisHash;
      if (row.prev_hash !== expectedPrev) {
        const gap = previous ? row.id !== previous.id + 1 : row.id !== 1;
        if (gap) return bad(row.id, 'deleted');
        if (known.has(row.prev_hash) && row.prev_hash !== row.hash) return bad(row.id, 'reordered');
        // No gap and no other entry it points at: the entry before it was rewritten, hash and all.
        return bad(previous?.id ?? row.id, 'modified');
      }
      if (rowHash(row) !== row.hash) return bad(row.id, 'modified');
      previous = row;
    }
    return { ok: true, entries: rows.length, firstBadId: null, problem: null };
  }
}
