import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { vietnamDateTime } from '../calendar/workingDays';

/** Seals free text at rest (services/crypto/dataCipher.ts): a comment may hold anything a resident typed. */
export interface TextSealer {
  encryptText(plain: string): string;
  decryptText(stored: string): string;
}

/** A rating as the sync sends it (docs/sync-protocol.md §5b). */
export interface OutgoingRating {
  id: string;
  score: number;
  comment: string | null;
  procedureCode: string | null;
  day: string;
  createdAt: string;
}

export interface RatingFigures {
  day: string;
  count: number;
  average: number | null;
  byScore: number[];
  comments: number;
}

/**
 * Satisfaction ratings given at the end of a kiosk submission. Deliberately unlinked from the
 * dossier and the resident: only score, optional comment (encrypted: a resident may type their name
 * in it), procedure code and time are kept. `sent_at` stays NULL until the sync has sent it.
 */
export class Ratings {
  private readonly insert;
  private readonly byDay;
  private readonly unsentRows;
  private readonly markSentRow;

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly sealer: TextSealer,
  ) {
    this.unsentRows = db.prepare<[number], { id: string; score: number; comment: string | null; procedure_code: string | null; day: string; created_at: string }>(
      'SELECT id, score, comment, procedure_code, day, created_at FROM kiosk_ratings WHERE sent_at IS NULL ORDER BY created_at, id LIMIT ?',
    );
    this.markSentRow = db.prepare<[string, string]>('UPDATE kiosk_ratings SET sent_at = ? WHERE id = ?');
    this.insert = db.prepare<[string, number, string | null, string | null, string, string]>(
      'INSERT INTO kiosk_ratings (id, score, comment, procedure_code, day, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.byDay = db.prepare<[string], { score: number; n: number; comments: number }>(
      "SELECT score, COUNT(*) AS n, SUM(comment IS NOT NULL AND comment <> '') AS comments FROM kiosk_ratings WHERE day = ? GROUP BY score",
    );
  }

  add(score: number, comment: string | undefined, procedureCode: string | undefined): { id: string } {
    const at = this.now();
    const id = randomUUID();
    const text = comment?.normalize('NFC').trim();
    this.insert.run(id, score, text ? this.sealer.encryptText(text) : null, procedureCode ?? null, vietnamDateTime(at).date, at.toISOString());
    return { id };
  }

  /** The oldest ratings not yet sent, comments opened, for the sync. */
  unsent(limit: number): OutgoingRating[] {
    return this.unsentRows.all(limit).map((r) => ({
      id: r.id,
      score: r.score,
      comment: r.comment === null ? null : this.sealer.decryptText(r.comment),
      procedureCode: r.procedure_code,
      day: r.day,
      createdAt: r.created_at,
    }));
  }

  /** The receiver confirmed these. */
  markSent(ids: readonly string[]): void {
    const at = this.now().toISOString();
    this.db.transaction(() => ids.forEach((id) => this.markSentRow.run(at, id)))();
  }

  /** Today's figures in Vietnam time: how many, the mean, and how many gave each score. */
  today(): RatingFigures {
    const day = vietnamDateTime(this.now()).date;
    const byScore = [0, 0, 0, 0, 0];
    let comments = 0;
    for (const row of this.byDay.all(day)) {
      byScore[row.score - 1] = row.n;
      comments += row.comments;
    }
    const count = byScore.reduce((a, b) => a + b, 0);
    const sum = byScore.reduce((a, n, i) => a + n * (i + 1), 0);
    return { day, count, average: count === 0 ? null : Math.round((sum / count) * 10) / 10, byScore, comments };
  }
}
