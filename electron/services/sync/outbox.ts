import type { Database } from 'better-sqlite3';
import type { DossierState } from '../../contract/dossiers';
import type { OutboxStatus, QueueItem, SyncFailure } from '../../contract/sync';

interface OutboxRow {
  dossier_id: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  status: OutboxStatus;
  last_attempt_at: string | null;
  local_reference: string;
  dossier_code: string | null;
  procedure_name: string;
  state: DossierState;
}

/** The outbox table (written with the dossier by dossiersService.submit) as the sync worker sees it. */
export class Outbox {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  /** Pending rows whose time has come, oldest first. */
  due(limit: number, exclude: ReadonlySet<string>): string[] {
    const rows = this.db
      .prepare<[string, number], { dossier_id: string }>("SELECT dossier_id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")
      .all(this.now().toISOString(), limit + exclude.size);
    return rows.map((r) => r.dossier_id).filter((id) => !exclude.has(id)).slice(0, limit);
  }

  nextDueAt(): string | null {
    return this.db.prepare<[], { at: string | null }>("SELECT min(next_attempt_at) AS at FROM outbox WHERE status = 'pending'").get()?.at ?? null;
  }

  counts(): { pending: number; needsPerson: number } {
    const row = this.db.prepare<[], { pending: number; needs: number }>("SELECT sum(status = 'pending') AS pending, sum(status = 'needs_person') AS needs FROM outbox").get();
    return { pending: row?.pending ?? 0, needsPerson: row?.needs ?? 0 };
  }

  /** First attempt: the dossier shows "sending" once, not at every retry. */
  markAttempt(dossierId: string): void {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      this.db.prepare('UPDATE outbox SET last_attempt_at = ? WHERE dossier_id = ?').run(at, dossierId);
      const moved = this.db.prepare("UPDATE dossiers SET state = 'sending', updated_at = ? WHERE id = ? AND state = 'queued'").run(at, dossierId);
      if (moved.changes > 0) this.db.prepare("INSERT INTO dossier_history (dossier_id, at, state, note) VALUES (?, ?, 'sending', NULL)").run(dossierId, at);
    })();
  }

  failed(dossierId: string, failure: SyncFailure, nextAttemptAt: Date | null): void {
    this.db
      .prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ?, status = ?, next_attempt_at = ? WHERE dossier_id = ?')
      .run(JSON.stringify(failure), nextAttemptAt ? 'pending' : 'needs_person', (nextAttemptAt ?? this.now()).toISOString(), dossierId);
  }

  /** Delivered: the dossier code, the history entry and the outbox row change together. */
  delivered(dossierId: string, dossierCode: string): void {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      const current = this.db.prepare<[string], { status: OutboxStatus }>('SELECT status FROM outbox WHERE dossier_id = ?').get(dossierId);
      if (current?.status === 'sent') return;
      this.db.prepare("UPDATE outbox SET status = 'sent', sent_at = ?, last_error = NULL WHERE dossier_id = ?").run(at, dossierId);
      this.db.prepare("UPDATE dossiers SET dossier_code = ?, state = CASE WHEN state IN ('queued', 'sending') THEN 'submitted' ELSE state END, updated_at = ? WHERE id = ?").run(dossierCode, at, dossierId);
      this.db.prepare("INSERT INTO dossier_history (dossier_id, at, state, note) VALUES (?, ?, 'submitted', ?)").run(dossierId, at, `Mã hồ sơ / dossier code ${dossierCode}`);
      this.db.prepare('DELETE FROM sync_uploads WHERE dossier_id = ?').run(dossierId);
      this.db.prepare("INSERT INTO sync_state (key, value) VALUES ('lastSuccessAt', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(at);
    })();
  }

  /** Everything waiting becomes due now (the link came back, or an official pressed "Gửi lại"). */
  makeDue(dossierId?: string, includeNeedsPerson = false): number {
    const at = this.now().toISOString();
    const statuses = includeNeedsPerson ? "('pending', 'needs_person')" : "('pending')";
    const sql = `UPDATE outbox SET status = 'pending', next_attempt_at = ? WHERE status IN ${statuses}${dossierId ? ' AND dossier_id = ?' : ''}`;
    return (dossierId ? this.db.prepare(sql).run(at, dossierId) : this.db.prepare(sql).run(at)).changes;
  }

  uploadUrl(dossierId: string, sha256: string): string | null {
    return this.db.prepare<[string, string], { upload_url: string }>('SELECT upload_url FROM sync_uploads WHERE dossier_id = ? AND sha256 = ?').get(dossierId, sha256)?.upload_url ?? null;
  }

  saveUploadUrl(dossierId: string, sha256: string, url: string): void {
    this.db.prepare('INSERT INTO sync_uploads (dossier_id, sha256, upload_url) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET upload_url = excluded.upload_url').run(dossierId, sha256, url);
  }

  state(key: string): string | null {
    return this.db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?').get(key)?.value ?? null;
  }

  setState(key: string, value: string): void {
    this.db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  items(includeSent: boolean): QueueItem[] {
    const rows = this.db
      .prepare<[], OutboxRow>(
        `SELECT o.dossier_id, o.attempts, o.next_attempt_at, o.last_error, o.status, o.last_attempt_at, d.local_reference, d.dossier_code, d.procedure_name, d.state
           FROM outbox o JOIN dossiers d ON d.id = o.dossier_id
          ${includeSent ? '' : "WHERE o.status != 'sent'"}
          ORDER BY o.status = 'needs_person' DESC, o.id LIMIT 500`,
      )
      .all();
    return rows.map((r) => ({
      dossierId: r.dossier_id,
      localReference: r.local_reference,
      dossierCode: r.dossier_code,
      procedureName: r.procedure_name,
      state: r.state,
      outboxStatus: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
      lastAttemptAt: r.last_attempt_at,
      lastError: r.last_error ? (JSON.parse(r.last_error) as SyncFailure) : null,
    }));
  }
}
