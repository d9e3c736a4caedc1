import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { vietnamDateTime } from '../calendar/workingDays';

export interface RatingFigures {
  day: string;
  count: number;
  average: number | null;
  byScore: number[];
  comments: number;
}

/**
 * Satisfaction ratings given at the end of a kiosk submission. Deliberately unlinked from the
 * dossier and the resident: only score, optional comment, procedure code and time are kept.
 * `sent_at` is left NULL for the sync to fill when it sends them.
 */
export class Ratings {
  private readonly insert;
  private readonly byDay;

  constructor(
    db: Database,
    private readonly now: () => Date,
  ) {
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
    this.insert.run(id, score, text ? text : null, procedureCode ?? null, vietnamDateTime(at).date, at.toISOString());
    return { id };
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
