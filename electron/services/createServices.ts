import path from 'node:path';
import type { Database } from 'better-sqlite3';
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
import { loadCalendar } from './calendar/workingDays';
import { loadAdminUnits } from './catalogue/adminUnits';
import { CatalogueService } from './catalogue/catalogueService';
import { loadDefinitions } from './catalogue/definitions';
import { loadLexicon, ProcedureSearch } from './catalogue/search';
import { DocumentsService } from './documents/documentsService';
import { DocumentWorker } from './documents/worker';
import { DossiersService } from './dossiers/dossiersService';
import { DraftsService } from './drafts/draftsService';
import { FileStore } from './files/fileStore';
import { printOnChosenPrinter, type PdfPrinter } from './printing/printing';

export interface ServiceOptions {
  dataDir: string;
  /** Folder holding procedures/, units, fonts: `resources/` in a checkout, beside the asar when packaged. */
  resourcesDir: string;
  appVersion: string;
  logger?: Logger;
  now?: () => Date;
  /** The machine's printers (Electron); absent in the CLI and the test harness. */
  printer?: PdfPrinter;
}

export interface AppServices {
  readonly router: Router;
  readonly events: EventHub<AppEvents>;
  readonly settings: SettingsService;
  readonly catalogue: CatalogueService;
  readonly drafts: DraftsService;
  readonly dossiers: DossiersService;
  readonly logger: Logger;
  /** For maintenance, benchmarks and tests; application code goes through the router. */
  readonly db: Database;
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

  const units = loadAdminUnits(options.resourcesDir);
  const definitions = loadDefinitions(options.resourcesDir, { units: units.lookup });
  const catalogue = new CatalogueService(definitions, new ProcedureSearch(definitions, loadLexicon(options.resourcesDir)), units);
  const files = new FileStore(path.join(options.dataDir, 'files'));
  const calendar = loadCalendar(options.resourcesDir);
  const drafts = new DraftsService(db, catalogue, files, calendar, now);
  const dossiers = new DossiersService(db, catalogue, drafts, settings, calendar, now);
  // PDF assembly runs in a worker thread, started on the first document.
  const documentWorker = new DocumentWorker();
  const documents = new DocumentsService(catalogue, options.resourcesDir, (job) => documentWorker.render(job));

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
          procedures: catalogue.size,
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
    catalogue: {
      list: () => ({ procedures: catalogue.list() }),
      search: ({ query, limit }) => ({ results: catalogue.search(query, limit) }),
      get: ({ code }) => catalogue.get(code),
      provinces: () => ({ units: catalogue.provinces().map(({ code, name, fullName }) => ({ code, name, fullName })) }),
      communes: ({ provinceCode }) => ({ units: catalogue.communes(provinceCode).map(({ code, name, fullName }) => ({ code, name, fullName })) }),
    },
    drafts: {
      save: (input) => drafts.save(input),
      get: ({ id }) => drafts.get(id),
      list: () => drafts.list(),
      validate: ({ id }) => drafts.validate(id),
      attach: (input) => drafts.attach(input),
      detach: ({ draftId, sha256 }) => drafts.detach(draftId, sha256),
      resume: ({ retrievalCode, dateOfBirth }) => drafts.resume(retrievalCode, dateOfBirth),
    },
    dossiers: {
      submit: ({ draftId }) => dossiers.submit(draftId),
      list: ({ state }) => dossiers.list(state),
      get: ({ id }) => dossiers.get(id),
    },
    documents: {
      render: ({ kind, dossierId }) => documents.render(kind, dossiers.get(dossierId)),
      print: async ({ kind, dossierId }) => {
        const rendered = await documents.render(kind, dossiers.get(dossierId));
        const outcome = await printOnChosenPrinter(options.printer ?? null, settings.get().printerName, rendered.pdf);
        logger.info({ event: 'print', kind, printed: outcome.printed, reason: outcome.reason }, 'document print');
        return { ...outcome, fileName: rendered.fileName, pdf: outcome.printed ? null : rendered.pdf };
      },
      printers: async () => ({ printers: options.printer ? await options.printer.printers() : [] }),
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
    catalogue,
    drafts,
    dossiers,
    logger,
    db,
    close() {
      void documentWorker.close();
      catalogue.close();
      runs.endCleanly();
      db.close();
    },
  };
}
