import type { Database } from 'better-sqlite3';

/**
 * Records each start and clean end of the app. A previous run without a clean end means the
 * app crashed or the power went: the UI can say that drafts were recovered.
 */
export class AppRuns {
  private runId: number | bigint | null = null;

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  start(appVersion: string, integrity: string): { previousEndedCleanly: boolean } {
    const previous = this.db.prepare<[], { ended_cleanly: number }>('SELECT ended_cleanly FROM app_runs ORDER BY id DESC LIMIT 1').get();
    this.runId = this.db
      .prepare('INSERT INTO app_runs (started_at, app_version, integrity) VALUES (?, ?, ?)')
      .run(this.now().toISOString(), appVersion, integrity).lastInsertRowid;
    return { previousEndedCleanly: previous === undefined || previous.ended_cleanly === 1 };
  }

  endCleanly(): void {
    if (this.runId === null) return;
    this.db.prepare('UPDATE app_runs SET ended_cleanly = 1, ended_at = ? WHERE id = ?').run(this.now().toISOString(), this.runId);
    this.runId = null;
  }
}
