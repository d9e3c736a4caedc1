import type { Database } from 'better-sqlite3';
import { ContractError } from '../../contract/errors';
import { kioskAssistConfigSchema, type HelpCall, type KioskAssistConfig } from '../../contract/kioskAssist';
import type { Logger } from '../logger';
import { HelpCallServer } from './helpCallServer';
import { sendHelpCall } from './helpCallSender';
import { Ratings, type TextSealer } from './ratings';

const defaults: KioskAssistConfig = { listenPort: null, listenHost: '0.0.0.0', counterUrl: null, kioskName: 'Kiosk' };

function notFound(id: string): ContractError {
  return new ContractError({
    code: 'NOT_FOUND',
    message_vi: `Không tìm thấy cuộc gọi hỗ trợ ${id}.`,
    message_en: `Help call ${id} was not found.`,
    details: { field: 'id' },
  });
}

/** Help calls (kiosk → counter over the LAN), ratings, and the most used procedures. */
export class KioskAssistService {
  readonly ratings: Ratings;
  private readonly server: HelpCallServer;
  private readonly readAll;
  private readonly upsert;
  private readonly topCodes;

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly logger: Logger,
    sealer: TextSealer,
  ) {
    this.ratings = new Ratings(db, now, sealer);
    this.server = new HelpCallServer(now);
    this.readAll = db.prepare<[], { key: string; value_json: string }>('SELECT key, value_json FROM kiosk_assist_config');
    this.upsert = db.prepare<[string, string, string]>(
      'INSERT INTO kiosk_assist_config (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
    );
    this.topCodes = db.prepare<[number], { code: string; name: string; count: number }>(
      'SELECT procedure_code AS code, MAX(procedure_name) AS name, COUNT(*) AS count FROM dossiers GROUP BY procedure_code ORDER BY count DESC, code LIMIT ?',
    );
  }

  config(): KioskAssistConfig {
    const stored: Record<string, unknown> = { ...defaults };
    for (const row of this.readAll.all()) if (Object.hasOwn(defaults, row.key)) stored[row.key] = JSON.parse(row.value_json);
    return kioskAssistConfigSchema.parse(stored);
  }

  /** Saves the configuration; a running app applies it with `start()` (the router does both). */
  configure(change: Partial<KioskAssistConfig>): KioskAssistConfig {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(change)) if (value !== undefined) this.upsert.run(key, JSON.stringify(value), at);
    })();
    return this.config();
  }

  /** Starts (or restarts, or stops) the listener as configured; a busy port is logged, not fatal. */
  async start(): Promise<void> {
    const { listenPort, listenHost } = this.config();
    if (listenPort === null) {
      await this.server.close();
      return;
    }
    try {
      await this.server.listen(listenPort, listenHost);
      this.logger.info({ event: 'help-call-listening', port: listenPort }, 'help-call listener started');
    } catch (error) {
      this.logger.error({ event: 'help-call-listen-failed', port: listenPort, err: error }, 'help-call listener could not start');
    }
  }

  async callHelp(): Promise<{ id: string; raisedAt: string }> {
    const { counterUrl, kioskName } = this.config();
    if (counterUrl !== null) return sendHelpCall(counterUrl, kioskName);
    // A kiosk with no counter configured, on a PC that listens itself: the call rings here.
    if (this.server.listening) return this.server.raise(kioskName);
    throw new ContractError({
      code: 'HELP_CALL_NOT_CONFIGURED',
      message_vi: 'Kiosk chưa được nối với máy tính ở quầy. Xin bạn đến quầy tiếp nhận để được giúp.',
      message_en: 'This kiosk is not connected to the counter PC. Please go to the counter for help.',
      details: { field: 'counterUrl' },
    });
  }

  helpCalls(): { calls: HelpCall[]; listening: boolean } {
    return { calls: this.server.list(), listening: this.server.listening };
  }

  acknowledge(id: string): HelpCall {
    const call = this.server.acknowledge(id);
    if (!call) throw notFound(id);
    return call;
  }

  topProcedures(limit: number): { procedures: { code: string; name: string; count: number }[] } {
    return { procedures: this.topCodes.all(limit) };
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
