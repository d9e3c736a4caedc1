import type { Database } from 'better-sqlite3';
import type { GatewayClient } from './gatewayClient';

interface RatingRow {
  id: string;
  score: number;
  comment: string | null;
  procedure_code: string | null;
  day: string;
  created_at: string;
}

/** One request carries at most this many ratings; a kiosk's day fits in one. */
const BATCH = 200;

/**
 * Sends the kiosk's satisfaction ratings not yet sent (docs/sync-protocol.md §5b): a rating has no
 * link to a dossier or a person. The receiver keeps each id once, so a batch whose answer was lost
 * is simply sent again; rows are marked sent only after the receiver said so.
 */
export async function sendRatings(db: Database, gateway: GatewayClient, now: () => Date): Promise<number> {
  const unsent = db.prepare<[number], RatingRow>('SELECT id, score, comment, procedure_code, day, created_at FROM kiosk_ratings WHERE sent_at IS NULL ORDER BY created_at, id LIMIT ?');
  const markSent = db.prepare('UPDATE kiosk_ratings SET sent_at = ? WHERE id = ?');
  let sent = 0;
  for (;;) {
    const rows = unsent.all(BATCH);
    if (rows.length === 0) return sent;
    await gateway.request('POST', '/v1/ratings', {
      ratings: rows.map((r) => ({ id: r.id, score: r.score, comment: r.comment, procedureCode: r.procedure_code, day: r.day, createdAt: r.created_at })),
    });
    const at = now().toISOString();
    db.transaction(() => rows.forEach((r) => markSent.run(at, r.id)))();
    sent += rows.length;
    if (rows.length < BATCH) return sent;
  }
}
