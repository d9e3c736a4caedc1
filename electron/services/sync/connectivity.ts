export type Link = 'online' | 'offline' | 'unknown';

export interface MonitorOptions {
  probe(): Promise<boolean>;
  onChange(link: Link, previous: Link): void;
  /** How often to probe while offline: bounds the time from link restored to first send. */
  offlineIntervalMs?: number;
  onlineIntervalMs?: number;
  now?: () => Date;
}

/**
 * Probes the receiver's health endpoint (never navigator.onLine: a cable in or a Wi-Fi joined says
 * nothing about the receiver). Offline: every 2 s, so the first send follows the link within 5 s.
 */
export class ConnectivityMonitor {
  link: Link = 'unknown';
  lastCheckedAt: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private probing: Promise<Link> | null = null;

  constructor(private readonly options: MonitorOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.tick();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** A send failed because the receiver could not be reached: probe at the offline pace from now on. */
  reportUnreachable(): void {
    this.set('offline');
    if (this.running) this.schedule();
  }

  /** Probes now (one probe at a time) and answers the link state. */
  check(): Promise<Link> {
    this.probing ??= this.options
      .probe()
      .catch(() => false)
      .then((ok) => {
        this.lastCheckedAt = (this.options.now ?? (() => new Date()))().toISOString();
        this.set(ok ? 'online' : 'offline');
        return this.link;
      })
      .finally(() => {
        this.probing = null;
      });
    return this.probing;
  }

  private set(link: Link): void {
    const previous = this.link;
    this.link = link;
    if (previous !== link) this.options.onChange(link, previous);
  }

  private async tick(): Promise<void> {
    if (!this.running) return;
    await this.check();
    this.schedule();
  }

  private schedule(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    const every = this.link === 'online' ? (this.options.onlineIntervalMs ?? 30_000) : (this.options.offlineIntervalMs ?? 2_000);
    this.timer = setTimeout(() => void this.tick(), every);
    this.timer.unref();
  }
}
