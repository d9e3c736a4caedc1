import type { Database } from 'better-sqlite3';
import type { Settings, SettingsUpdate } from '../contract/settings';
import { fieldError, validationFailed } from '../contract/validation';
import { hashSecret } from './secretHash';

type StoredSettings = Omit<Settings, 'kioskExitCodeSet'> & { kioskExitCodeHash: string | null };

const defaults: StoredSettings = {
  language: 'vi',
  startScreen: 'home',
  kioskMode: false,
  unitName: '',
  agencyCode: '',
  printerName: '',
  retentionDays: 30,
  syncGatewayUrl: '',
  kioskIdleWarningSeconds: 90,
  kioskIdleWipeSeconds: 120,
  kioskExitCodeHash: null,
  hidReaders: [],
};

export interface SettingsChangeListener {
  (settings: Settings): void;
}

/** Settings live in SQLite, one row per key, so a partial update never rewrites the others. */
export class SettingsService {
  private readonly selectAll;
  private readonly upsert;

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly onChange: SettingsChangeListener,
  ) {
    this.selectAll = db.prepare<[], { key: string; value_json: string }>('SELECT key, value_json FROM settings');
    this.upsert = db.prepare<[string, string, string]>(
      'INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
    );
  }

  private stored(): StoredSettings {
    const result: Record<string, unknown> = { ...defaults };
    for (const row of this.selectAll.all()) {
      if (Object.hasOwn(defaults, row.key)) result[row.key] = JSON.parse(row.value_json);
    }
    return result as StoredSettings;
  }

  get(): Settings {
    const { kioskExitCodeHash, ...visible } = this.stored();
    return { ...visible, kioskExitCodeSet: kioskExitCodeHash !== null };
  }

  kioskExitCodeHash(): string | null {
    return this.stored().kioskExitCodeHash;
  }

  async update(change: SettingsUpdate): Promise<Settings> {
    const { kioskExitCode, ...plain } = change;
    const next: Partial<StoredSettings> = { ...plain };
    if (kioskExitCode !== undefined) next.kioskExitCodeHash = await hashSecret(kioskExitCode);
    const codeWillBeSet = next.kioskExitCodeHash != null || this.kioskExitCodeHash() !== null;
    if (next.kioskMode === true && !codeWillBeSet) {
      throw validationFailed([fieldError('kioskMode', 'kioskNeedsCode')], 'settings');
    }
    const current = this.stored();
    const warning = next.kioskIdleWarningSeconds ?? current.kioskIdleWarningSeconds;
    const wipe = next.kioskIdleWipeSeconds ?? current.kioskIdleWipeSeconds;
    if (wipe <= warning) {
      throw validationFailed([fieldError(next.kioskIdleWipeSeconds !== undefined ? 'kioskIdleWipeSeconds' : 'kioskIdleWarningSeconds', 'idleWipeAfterWarning')], 'settings');
    }
    const at = this.now().toISOString();
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(next)) {
        if (value !== undefined) this.upsert.run(key, JSON.stringify(value), at);
      }
    })();
    const settings = this.get();
    this.onChange(settings);
    return settings;
  }

  /** Used only by the kiosk exit, after the code was checked. */
  leaveKioskMode(): Settings {
    this.upsert.run('kioskMode', 'false', this.now().toISOString());
    const settings = this.get();
    this.onChange(settings);
    return settings;
  }
}
