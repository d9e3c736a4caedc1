import type { Database } from 'better-sqlite3';
import type { DossierState } from '../../contract/dossiers';
import type { GatewayClient } from './gatewayClient';
import type { Outbox } from './outbox';

interface StatusEvent {
  cursor: number;
  id: string;
  dossierCode: string | null;
  status: number;
  statusName?: string;
  at: string;
  note: string | null;
}

/** Receiver status codes (DOMAIN.md, one-stop systems' list) → the dossier's state on this machine. */
const stateOf: Record<number, DossierState> = { 1: 'submitted', 2: 'received', 3: 'rejected', 4: 'processing', 5: 'supplement_requested', 6: 'processing', 7: 'processing', 8: 'rejected', 9: 'completed', 10: 'returned' };
const labelOf: Record<number, string> = {
  1: 'Mới',
  2: 'Đã tiếp nhận',
  3: 'Không tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

/**
 * Reads the receiver's status feed from the stored cursor; the events and the new cursor are written in
 * one transaction, so a crash re-reads a page and never skips one. Returns how many events were applied.
 */
export async function pullStatus(db: Database, gateway: GatewayClient, outbox: Outbox, now: () => Date): Promise<number> {
  const key = `statusCursor:${gateway.baseUrl}`;
  let applied = 0;
  for (let page = 0; page < 100; page++) {
    const after = Number(outbox.state(key) ?? '0');
    const answer = await gateway.request<{ events: StatusEvent[]; next: number }>('GET', `/v1/status?after=${after}&limit=500`);
    const { events, next } = answer.body;
    if (events.length === 0) break;
    db.transaction(() => {
      for (const e of events) {
        const state = stateOf[e.status];
        const known = db.prepare<[string], { id: string }>('SELECT id FROM dossiers WHERE id = ?').get(e.id);
        if (!state || !known) continue;
        const note = `${e.status} – ${labelOf[e.status] ?? ''}${e.note ? `: ${e.note}` : ''}`;
        db.prepare('INSERT INTO dossier_history (dossier_id, at, state, note) VALUES (?, ?, ?, ?)').run(e.id, e.at, state, note);
        db.prepare('UPDATE dossiers SET state = ?, dossier_code = coalesce(dossier_code, ?), updated_at = ? WHERE id = ?').run(state, e.dossierCode, now().toISOString(), e.id);
        applied++;
      }
      outbox.setState(key, String(next));
    })();
    if (events.length < 500) break;
  }
  return applied;
}
