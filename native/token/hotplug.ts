import type { SlotPresence } from './types';

export interface TokenPresenceEvent {
  kind: 'inserted' | 'removed';
  module: string;
  slot: number;
  label: string;
  serial: string;
}

/**
 * Insert and removal by polling the slot list (PKCS#11's C_WaitForSlotEvent blocks, and many
 * middlewares do not implement it). The worker re-initialises a module whose slot list errors out.
 */
export class TokenPresencePoller {
  private known = new Map<string, SlotPresence>();
  private timer: NodeJS.Timeout | null = null;
  private busy = false;

  constructor(
    private readonly module: string,
    private readonly read: (module: string) => Promise<SlotPresence[]>,
    private readonly onEvent: (event: TokenPresenceEvent) => void,
    private readonly intervalMs = 1500,
  ) {}

  /** One comparison with the previous poll; returns the events it emitted. */
  async pollOnce(): Promise<TokenPresenceEvent[]> {
    let now: SlotPresence[];
    try {
      now = await this.read(this.module);
    } catch {
      now = []; // A module that cannot list anything has no token present.
    }
    const key = (p: SlotPresence) => `${p.slot}:${p.serial}`;
    const next = new Map(now.map((p) => [key(p), p]));
    const events: TokenPresenceEvent[] = [];
    for (const [k, p] of this.known) if (!next.has(k)) events.push({ kind: 'removed', module: this.module, ...p });
    for (const [k, p] of next) if (!this.known.has(k)) events.push({ kind: 'inserted', module: this.module, ...p });
    this.known = next;
    for (const event of events) this.onEvent(event);
    return events;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.busy) return;
      this.busy = true;
      void this.pollOnce().finally(() => (this.busy = false));
    }, this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
