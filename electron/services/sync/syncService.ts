import type { Database } from 'better-sqlite3';
import { ContractError } from '../../contract/errors';
import type { LinkStatus, LookupResult, QueueItem } from '../../contract/sync';
import type { DossiersService } from '../dossiers/dossiersService';
import type { DataCipher } from '../crypto/dataCipher';
import type { FileStore } from '../files/fileStore';
import type { Logger } from '../logger';
import { defaultBackoff, retryDelayMs, type BackoffPolicy } from './backoff';
import { ConnectivityMonitor, type Link } from './connectivity';
import { SyncError } from './failures';
import { GatewayClient } from './gatewayClient';
import { Outbox } from './outbox';
import { sendDossier, type SendOutcome } from './sender';
import { pullStatus } from './statusPull';
import { sendRatings, type RatingsOutbox } from './ratings';
import { exportQueue, importBundle, type ImportResult } from './transfer';

export interface SyncOptions {
  db: Database;
  dossiers: DossiersService;
  files: FileStore;
  /** Seals this machine's bundle-signing key (offline transfer). */
  cipher?: DataCipher;
  gatewayUrl(): string;
  logger: Logger;
  now: () => Date;
  onStatus?: (status: LinkStatus) => void;
  backoff?: BackoffPolicy;
  /** Dossiers sent side by side. */
  concurrency?: number;
  gatewayKey?: string;
  offlineProbeMs?: number;
  /** The kiosk's satisfaction ratings, sent along when the receiver answers. */
  ratings?: RatingsOutbox;
}

export interface SyncRunResult {
  sent: number;
  alreadyPresent: number;
  failed: number;
  pending: number;
}

const STATUS_PULL_MS = 60_000;
const SHORT_WAIT_MS = 2_000;

/**
 * The outbox worker: sends while the receiver answers, backs off with full jitter (never giving up),
 * parks refusals for a person, pulls statuses back. The app runs it in the background (`start`);
 * the CLI runs it to completion (`run`).
 */
export class SyncService {
  readonly outbox: Outbox;
  private monitor: ConnectivityMonitor | null = null;
  private client: GatewayClient | null = null;
  private draining: Promise<void> | null = null;
  private wake: NodeJS.Timeout | null = null;
  private running = false;
  private lastPullAt = 0;
  private override: string | null = null;
  private readonly tally = { sent: 0, alreadyPresent: 0 };
  /** When the last dossier started to go out (the bench's "first byte after the link returned"). */
  lastSendStartedAt: number | null = null;

  constructor(private readonly o: SyncOptions) {
    this.outbox = new Outbox(o.db, o.now);
  }

  /** The CLI's `--gateway`: this run talks to that receiver instead of the configured one. */
  useGateway(url: string): void {
    this.override = url;
  }

  private gatewayUrl(): string {
    return this.override ?? this.o.gatewayUrl();
  }

  private gateway(): GatewayClient | null {
    const url = this.gatewayUrl();
    if (url === '') return null;
    if (this.client?.baseUrl !== url) {
      this.monitor?.stop();
      this.client = new GatewayClient(url, this.o.gatewayKey ?? process.env.MOTCUA_GATEWAY_KEY ?? 'motcua-dev-gateway-key');
      this.monitor = new ConnectivityMonitor({
        probe: () => this.client!.probe(),
        onChange: (link, previous) => this.linkChanged(link, previous),
        offlineIntervalMs: this.o.offlineProbeMs,
        now: this.o.now,
      });
      if (this.running) this.monitor.start();
    }
    return this.client;
  }

  private linkChanged(link: Link, previous: Link): void {
    this.o.logger.info({ event: 'sync-link', link, previous }, 'link to the receiving system changed');
    if (link === 'online') {
      // The link is back: whatever waited for it goes now, not at the end of its backoff.
      this.outbox.makeDue();
      if (this.running) this.kick();
    }
    this.emit();
  }

  status(): LinkStatus {
    const url = this.gatewayUrl();
    this.gateway();
    const counts = this.outbox.counts();
    return {
      link: url === '' ? 'not_configured' : (this.monitor?.link ?? 'unknown'),
      gatewayUrl: url,
      queued: counts.pending,
      needsPerson: counts.needsPerson,
      lastSuccessAt: this.outbox.state('lastSuccessAt'),
      lastCheckedAt: this.monitor?.lastCheckedAt ?? null,
    };
  }

  /** Tells the screens (a dossier was queued, the gateway setting changed). */
  emit(): void {
    this.o.onStatus?.(this.status());
  }

  queue(includeSent = false): QueueItem[] {
    return this.outbox.items(includeSent);
  }

  retryNow(dossierId?: string): number {
    const due = this.outbox.makeDue(dossierId, true);
    this.emit();
    if (this.running) {
      if (this.monitor?.link === 'offline') void this.monitor.check();
      else this.kick();
    }
    return due;
  }

  /** Kiosk look-up by dossier code, local reference or receipt QR text; answers nothing personal. */
  lookup(code: string): LookupResult {
    const key = code.trim().replace(/^MOTCUA:/i, '').trim();
    const row = this.o.db.prepare<[string, string], { id: string }>('SELECT id FROM dossiers WHERE dossier_code = ? OR local_reference = ?').get(key, key.toUpperCase());
    if (!row) {
      throw new ContractError({
        code: 'NOT_FOUND',
        message_vi: `Không tìm thấy hồ sơ có mã "${key}". Hãy kiểm tra lại mã trên giấy tiếp nhận.`,
        message_en: `No dossier with code "${key}". Check the code on the receipt.`,
        details: { field: 'code' },
      });
    }
    const d = this.o.dossiers.get(row.id);
    return { dossierCode: d.dossierCode, localReference: d.localReference, procedureName: d.procedureName, state: d.state, appointmentDate: d.appointmentDate, history: d.history };
  }

  /** Background mode (the app): probe, send when online, wake at the next due time, pull statuses. */
  start(): void {
    this.running = true;
    this.gateway();
    this.monitor?.start();
    this.kick();
  }

  stop(): void {
    this.running = false;
    this.monitor?.stop();
    if (this.wake) clearTimeout(this.wake);
  }

  kick(): void {
    if (this.draining) return;
    this.draining = this.drain()
      .then(() => this.maybePull())
      .then(() => this.sendRatingsWhileOnline())
      .catch((error: unknown) => this.o.logger.error({ event: 'sync-drain-failed', err: error }, 'sync pass failed'))
      .finally(() => {
        this.draining = null;
        this.scheduleWake();
      });
  }

  private scheduleWake(): void {
    if (!this.running) return;
    if (this.wake) clearTimeout(this.wake);
    const next = this.monitor?.link === 'offline' ? null : this.outbox.nextDueAt();
    const until = next ? new Date(next).getTime() - this.o.now().getTime() : STATUS_PULL_MS;
    this.wake = setTimeout(() => this.kick(), Math.min(Math.max(until, 250), STATUS_PULL_MS));
    this.wake.unref();
  }

  private async maybePull(force = false): Promise<void> {
    const gateway = this.gateway();
    if (!gateway || this.monitor?.link !== 'online') return;
    if (!force && Date.now() - this.lastPullAt < STATUS_PULL_MS) return;
    this.lastPullAt = Date.now();
    try {
      const applied = await pullStatus(this.o.db, gateway, this.outbox, this.o.now);
      if (applied > 0) this.o.logger.info({ event: 'sync-status-pulled', applied }, 'statuses pulled');
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      this.o.logger.warn({ event: 'sync-status-pull-failed', code: error.failure.code }, 'status pull failed');
    }
  }

  /** Satisfaction ratings ride along whenever the receiver answers; a failure waits for the next pass. */
  private async sendRatingsWhileOnline(): Promise<void> {
    const gateway = this.gateway();
    if (!gateway || !this.o.ratings || this.monitor?.link !== 'online') return;
    try {
      const sent = await sendRatings(this.o.ratings, gateway);
      if (sent > 0) this.o.logger.info({ event: 'sync-ratings-sent', sent }, 'ratings sent');
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      this.o.logger.warn({ event: 'sync-ratings-failed', code: error.failure.code }, 'sending ratings failed');
    }
  }

  /** One pass: every due dossier, `concurrency` at a time, until none is due or the link is down. */
  async drain(): Promise<void> {
    const gateway = this.gateway();
    if (!gateway || !this.monitor) return;
    // Offline: the monitor probes at its own pace and calls kick() when the link returns.
    if (this.monitor.link === 'offline') return;
    if (this.monitor.link === 'unknown' && (await this.monitor.check()) !== 'online') return;
    const inFlight = new Set<string>();
    const worker = async () => {
      while (this.monitor?.link === 'online') {
        const [id] = this.outbox.due(1, inFlight);
        if (!id) {
          // A retry due within a second or two: wait for it here rather than end the pass.
          const next = this.outbox.nextDueAt();
          const wait = next ? new Date(next).getTime() - this.o.now().getTime() : Infinity;
          if (wait > SHORT_WAIT_MS) return;
          await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 10)));
          continue;
        }
        inFlight.add(id);
        try {
          await this.sendOne(gateway, id);
        } finally {
          inFlight.delete(id);
        }
      }
    };
    await Promise.all(Array.from({ length: this.o.concurrency ?? 3 }, worker));
  }

  private async sendOne(gateway: GatewayClient, id: string): Promise<void> {
    this.outbox.markAttempt(id);
    let outcome: SendOutcome;
    try {
      outcome = await sendDossier(
        {
          gateway,
          outbox: this.outbox,
          dossier: (dossierId) => this.o.dossiers.get(dossierId),
          attachment: (sha) => this.o.files.get(sha),
          onFirstByte: () => {
            this.lastSendStartedAt = Date.now();
          },
        },
        id,
      );
    } catch (error) {
      const e = error instanceof SyncError ? error : null;
      const failure = e?.failure ?? {
        code: 'LOCAL_ERROR',
        permanent: true,
        message_vi: `Máy không đọc được hồ sơ để gửi (${(error as Error).message}).`,
        message_en: `This machine could not read the dossier to send it (${(error as Error).message}).`,
        action_vi: 'Gọi hỗ trợ kỹ thuật: dữ liệu hoặc tệp đính kèm trên máy có vấn đề. Sau khi sửa, bấm "Gửi lại".',
        action_en: 'Call technical support: the local data or an attached file has a problem. Once fixed, press "Retry now".',
      };
      const attempts = (this.o.db.prepare<[string], { attempts: number }>('SELECT attempts FROM outbox WHERE dossier_id = ?').get(id)?.attempts ?? 0) + 1;
      const permanent = e ? e.kind === 'permanent' : true;
      const next = permanent ? null : new Date(this.o.now().getTime() + retryDelayMs(attempts, this.o.backoff ?? defaultBackoff));
      this.outbox.failed(id, failure, next);
      this.o.logger.warn({ event: 'sync-send-failed', dossierId: id, code: failure.code, kind: e?.kind ?? 'local', attempts }, 'dossier not sent');
      if (e?.kind === 'offline') this.monitor?.reportUnreachable();
      this.emit();
      return;
    }
    this.outbox.delivered(id, outcome.dossierCode);
    this.tally[outcome.kind]++;
    this.o.logger.info({ event: 'sync-sent', dossierId: id, dossierCode: outcome.dossierCode, kind: outcome.kind }, 'dossier delivered');
    this.emit();
  }

  /** Offline transfer: every dossier not yet delivered, as an encrypted, signed bundle. */
  exportBundle(passphrase: string): { bundle: Buffer; dossiers: number; signer: string } {
    if (!this.o.cipher) throw new Error('SyncService: no cipher for the transfer key');
    return exportQueue({ outbox: this.outbox, cipher: this.o.cipher, dossier: (id) => this.o.dossiers.get(id), attachment: (sha) => this.o.files.get(sha), now: this.o.now() }, passphrase);
  }

  /** Offline transfer, on the connected machine: sends a bundle's dossiers under their original ids. */
  async importBundle(raw: Buffer, passphrase: string, trustedSigner?: string): Promise<ImportResult> {
    const gateway = this.gateway();
    if (!gateway) throw new ContractError({ code: 'VALIDATION_FAILED', message_vi: 'Chưa có địa chỉ hệ thống tiếp nhận (--gateway).', message_en: 'No receiving system address (--gateway).', details: { field: 'gateway' } });
    return importBundle({ outbox: this.outbox, gateway }, raw, passphrase, trustedSigner);
  }

  /**
   * The CLI's `sync`: everything waiting is due now (the operator asked); with `once`, one pass; without,
   * until nothing is pending (waiting out the backoff, re-probing while offline).
   */
  async run(once: boolean): Promise<SyncRunResult> {
    const gateway = this.gateway();
    if (!gateway || !this.monitor) throw new ContractError({ code: 'VALIDATION_FAILED', message_vi: 'Chưa có địa chỉ hệ thống tiếp nhận (--gateway).', message_en: 'No receiving system address (--gateway).', details: { field: 'gateway' } });
    this.tally.sent = 0;
    this.tally.alreadyPresent = 0;
    this.outbox.makeDue();
    for (;;) {
      if (this.monitor.link === 'offline') await this.monitor.check();
      await this.drain();
      await this.maybePull(true);
      await this.sendRatingsWhileOnline();
      const { pending } = this.outbox.counts();
      if (once || pending === 0) break;
      const next = this.outbox.nextDueAt();
      const wait = this.monitor.link === 'online' && next ? Math.max(new Date(next).getTime() - this.o.now().getTime(), 50) : (this.o.offlineProbeMs ?? 2_000);
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 30_000)));
    }
    const counts = this.outbox.counts();
    return { sent: this.tally.sent, alreadyPresent: this.tally.alreadyPresent, failed: counts.needsPerson, pending: counts.pending };
  }
}
