import type { OutgoingRating } from '../kioskAssist/ratings';
import type { GatewayClient } from './gatewayClient';

/** Where the sync finds the kiosk's ratings (services/kioskAssist/ratings.ts). */
export interface RatingsOutbox {
  unsent(limit: number): OutgoingRating[];
  markSent(ids: readonly string[]): void;
}

/** One request carries at most this many ratings; a kiosk's day fits in one. */
const BATCH = 200;

/**
 * Sends the kiosk's satisfaction ratings not yet sent (docs/sync-protocol.md §5b): a rating has no
 * link to a dossier or a person. The receiver keeps each id once, so a batch whose answer was lost
 * is simply sent again; rows are marked sent only after the receiver said so.
 */
export async function sendRatings(ratings: RatingsOutbox, gateway: GatewayClient): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = ratings.unsent(BATCH);
    if (batch.length === 0) return sent;
    await gateway.request('POST', '/v1/ratings', { ratings: batch });
    ratings.markSent(batch.map((r) => r.id));
    sent += batch.length;
    if (batch.length < BATCH) return sent;
  }
}
