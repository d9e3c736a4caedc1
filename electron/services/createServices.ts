import path from 'node:path';
import { createEventHub, type EventHub } from '../contract/events';
import { contract, events, type AppContract, type AppEvents } from '../contract/index';
import { createRouter, type Handlers, type Router } from '../contract/router';
import { openDatabase, sqliteVersion } from '../db/connection';
import { databaseFile } from './dataDir';
import { runDoctor } from './doctorService';
import { KioskService } from './kioskService';
import { createLogger, type Logger } from './logger';
import { AppRuns } from './appRuns';
import { SettingsService } from './settingsService';

export interface ServiceOptions {
  dataDir: string;
  /** Folder holding procedures/, units, fonts: `resources/` in a checkout, beside the asar when packaged. */
  resourcesDir: string;
  appVersion: string;
  logger?: Logger;
  now?: () => Date;
}

export interface AppServices {
  readonly router: Router;
  readonly events: EventHub<AppEvents>;
  readonly settings: SettingsService;
  readonly logger: Logger;
  /** Marks the run as ended cleanly and closes the database. */
  close(): void;
}

/**
 * The composition root shared by the Electron main process, the CLI and the end-to-end harness:
 * the same services and the same router behind every front door.
 */
export function createServices(options: ServiceOptions): AppServices {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? createLogger();
  const opened = openDatabase(databaseFile(options.dataDir));
  const { db } = opened;
  const hub = createEventHub(events);
  const runs = new AppRuns(db, now);
  const { previousEndedCleanly } = runs.start(options.appVersion, opened.integrity);
  if (!previousEndedCleanly) logger.warn({ event: 'recovered-after-unclean-exit' }, 'previous run did not end cleanly');

  const settings = new SettingsService(db, now, (s) => hub.emit('settings.changed', s));
  const kiosk = new KioskService(settings, now);
  const sqlite = sqliteVersion(db);

  const handlers: Handlers<AppContract> = {
    app: {
      info: () => ({
        name: 'Một Cửa Kiosk',
        version: options.appVersion,
        sqliteVersion: sqlite,
        schemaVersion: opened.schemaVersion,
        dbIntegrity: opened.integrity,
        recoveredFromCrash: !previousEndedCleanly,
      }),
      doctor: () =>
        runDoctor({
          dataDir: path.resolve(options.dataDir),
          resourcesDir: options.resourcesDir,
          sqliteVersion: sqlite,
          integrity: opened.integrity,
          schemaVersion: opened.schemaVersion,
        }),
    },
    settings: {
      get: () => settings.get(),
      update: (change) => settings.update(change),
    },
    kiosk: {
      exit: ({ code }) => kiosk.exit(code),
    },
  };

  const router = createRouter(contract, handlers, {
    onRejected: (call) => logger.warn({ event: 'call-rejected', ...call }, 'call refused before reaching a service'),
    onInternalError: (method, error) => logger.error({ event: 'internal-error', method, err: error }, 'service failed'),
  });

  return {
    router,
    events: hub,
    settings,
    logger,
    close() {
      runs.endCleanly();
      db.close();
    },
  };
}
