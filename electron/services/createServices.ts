import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { createEventHub, type EventHub } from '../contract/events';
import { contract, events, type AppContract, type AppEvents } from '../contract/index';
import { createRouter, type CallContext, type Handlers, type Router } from '../contract/router';
import { openDatabase, sqliteVersion } from '../db/connection';
import { databaseFile } from './dataDir';
import { runDoctor } from './doctorService';
import { KioskService } from './kioskService';
import { kioskAssistHandlers } from './kioskAssist/kioskAssistHandlers';
import { KioskAssistService } from './kioskAssist/kioskAssistService';
import { createLogger, type Logger } from './logger';
import { AccountsService, supervisorRequired } from './accounts/accountsService';
import { AppRuns } from './appRuns';
import { AuditLog, type AuditDetails } from './audit/auditLog';
import { Retention } from './retention/retention';
import { startHidScans } from './identity/hidScans';
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
import { DataCipher } from './crypto/dataCipher';
import { fileKeyProtector, type KeyProtector } from './crypto/keyProtector';
import { rotateDataKey } from './crypto/rotation';
import { FileStore } from './files/fileStore';
import { printOnChosenPrinter, type PdfPrinter } from './printing/printing';
import { SyncService } from './sync/syncService';
import { syncHandlers } from './sync/syncHandlers';
import { createScanningService, type ScannerSetup } from './scanning/scanningService';
import { createScanners, scannerSetupFromEnv } from './scanning/scannerSetup';
import { createSigning } from './signing/createSigning';

export interface ServiceOptions {
  dataDir: string;
  /** Folder holding procedures/, units, fonts: `resources/` in a checkout, beside the asar when packaged. */
  resourcesDir: string;
  appVersion: string;
  logger?: Logger;
  now?: () => Date;
  /** The machine's printers (Electron); absent in the CLI and the test harness. */
  printer?: PdfPrinter;
  /** Opens the HID POS readers allowed in settings (the app only; the CLI and tests leave it off). */
  hidReaders?: boolean;
  /** Seals the data keys: safeStorage in the app; default, a 0600 key file in `<dataDir>/keys`. */
  keyProtector?: KeyProtector;
  /** Runs the sync worker in the background (the app); the CLI runs it on demand (`motcua sync`). */
  startSync?: boolean;
  /** Scanner drivers' configuration; default from the environment (MOTCUA_ESCL_SCANNERS…). */
  scanners?: ScannerSetup;
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
  readonly audit: AuditLog;
  readonly retention: Retention;
  /** Officials' accounts; the CLI (the machine's operator) calls it directly, the renderer through the router. */
  readonly accounts: AccountsService;
  /** The outbox worker (docs/sync-protocol.md). */
  readonly sync: SyncService;
  /** Encrypted attachments, content-addressed. */
  readonly files: FileStore;
  /** Kiosk helps (issue #9): the help-call listener, ratings; the CLI configures it directly. */
  readonly kioskAssist: KioskAssistService;
  /** A new data key; everything encrypted is re-encrypted under it and the old keys destroyed. */
  rotateDataKey(): { keyId: number; values: number; files: number };
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
  const cipher = new DataCipher(db, options.keyProtector ?? fileKeyProtector(path.join(options.dataDir, 'keys')), now);
  const files = new FileStore(path.join(options.dataDir, 'files'), cipher);
  const calendar = loadCalendar(options.resourcesDir);
  const drafts = new DraftsService(db, catalogue, files, cipher, calendar, now);
  const dossiers = new DossiersService(db, catalogue, drafts, settings, calendar, cipher, now);
  // Help calls, ratings, most used procedures. The listener starts only where the app asks
  // (`kioskAssist.start()` in the Electron main) or a configuration changes: never in the CLI.
  const kioskAssist = new KioskAssistService(db, now, logger, cipher);
  const sync = new SyncService({ db, dossiers, files, cipher, ratings: kioskAssist.ratings, gatewayUrl: () => settings.get().syncGatewayUrl, logger, now, onStatus: (status) => hub.emit('sync.changed', status) });
  if (options.startSync) sync.start();
  // A new gateway address changes the link status the header shows.
  hub.subscribe((name) => {
    if (name === 'settings.changed') sync.emit();
  });
  // PDF assembly runs in a worker thread, started on the first document.
  const documentWorker = new DocumentWorker();
  const documents = new DocumentsService(catalogue, options.resourcesDir, (job) => documentWorker.render(job));

  // Audit: the actor is the transport the call came through ('ipc', 'cli', 'e2e', 'test') until accounts exist.
  const audit = new AuditLog(db, now);
  const record = (ctx: CallContext, action: string, subjectType: string | null, subjectId: string | null, details: AuditDetails) =>
    audit.append({ actor: ctx.transport, action, subjectType, subjectId, details });
  const accounts = new AccountsService(db, audit, now);
  // A change and its audit entry commit together: a crash between them can lose neither alone.
  const withAudit = <T>(change: () => T): T => db.transaction(change)();
  const dossierOfDraft = db.prepare<[string], { id: string }>('SELECT id FROM dossiers WHERE draft_id = ?');
  // Retention: at start-up, then every hour while the app runs.
  const retention = new Retention({ db, files, retentionDays: () => settings.get().retentionDays, audit, now });
  const purgeSafely = () => {
    try {
      const purged = retention.purge();
      if (purged.dossiers + purged.kioskDrafts > 0) logger.info({ event: 'retention-purge', ...purged }, 'retention purge');
    } catch (error) {
      logger.error({ event: 'retention-purge-failed', err: error }, 'retention purge failed');
    }
  };
  purgeSafely();
  const retentionTimer = setInterval(purgeSafely, 60 * 60 * 1000);
  retentionTimer.unref();
  // The scanner drivers (SANE, eSCL): cheap to make, nothing runs until a list or a scan.
  const scanner = createScanners(options.scanners ?? scannerSetupFromEnv());
  const hidScans = options.hidReaders ? startHidScans({ allowed: () => settings.get().hidReaders, emit: (text) => hub.emit('cccd.scanned', { text, source: 'hid' }), logger }) : null;

  const signing = createSigning({ resourcesDir: options.resourcesDir, now, events: hub, renderApplication: (id) => documents.render('application', dossiers.get(id)), record: (action, id, details) => audit.append({ actor: 'signing', action, subjectType: id ? 'dossier' : null, subjectId: id, details }) });

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
      doctor: async () =>
        runDoctor({
          dataDir: path.resolve(options.dataDir),
          resourcesDir: options.resourcesDir,
          procedures: catalogue.size,
          sqliteVersion: sqlite,
          integrity: opened.integrity,
          schemaVersion: opened.schemaVersion,
          scanners: await scanner
            .list()
            .then(
              (found) => found.map(({ id, name, backend }) => ({ id, name, backend })),
              (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
            ),
        }),
    },
    settings: {
      get: () => settings.get(),
      update: async (change, ctx) => {
        // First-run setup mode (no account yet): open. Afterwards: a signed-in supervisor.
        accounts.requireSupervisorOnceAccountsExist();
        const updated = await settings.update(change);
        record(ctx, 'settings.update', 'settings', null, { fields: Object.keys(change).sort() });
        // Handing the machine to residents ends the official's session: nobody inherits it at the kiosk.
        if (updated.kioskMode) accounts.logout();
        return updated;
      },
    },
    kiosk: {
      exit: async (input, ctx) => {
        try {
          let left: { kioskMode: false };
          if ('code' in input) {
            left = await kiosk.exit(input.code);
          } else {
            // A supervisor's PIN, with the account lockout; it checks the PIN without signing anyone in.
            const account = await accounts.authenticate(input.username, input.pin, ctx.transport);
            if (account.role !== 'supervisor') throw supervisorRequired();
            settings.leaveKioskMode();
            left = { kioskMode: false };
          }
          record(ctx, 'kiosk.exit', 'kiosk', null, { ok: true });
          return left;
        } catch (error) {
          record(ctx, 'kiosk.exit', 'kiosk', null, { ok: false });
          throw error;
        }
      },
    },
    catalogue: {
      list: () => ({ procedures: catalogue.list() }),
      search: ({ query, limit }) => ({ results: catalogue.search(query, limit) }),
      get: ({ code }) => catalogue.get(code),
      provinces: () => ({ units: catalogue.provinces().map(({ code, name, fullName }) => ({ code, name, fullName })) }),
      communes: ({ provinceCode }) => ({ units: catalogue.communes(provinceCode).map(({ code, name, fullName }) => ({ code, name, fullName })) }),
    },
    drafts: {
      save: (input, ctx) =>
        withAudit(() => {
          const saved = drafts.save(input);
          if (input.id === undefined) record(ctx, 'draft.create', 'draft', saved.id, { procedureCode: saved.procedureCode, mode: input.mode });
          return saved;
        }),
      get: ({ id }) => drafts.get(id),
      list: (filter) => drafts.list(filter),
      validate: ({ id }) => drafts.validate(id),
      attach: (input, ctx) =>
        withAudit(() => {
          const attached = drafts.attach(input);
          record(ctx, 'draft.attach', 'draft', input.draftId, { documentKind: attached.documentKind, bytes: attached.bytes });
          return attached;
        }),
      detach: ({ draftId, sha256 }, ctx) =>
        withAudit(() => {
          const attachment = drafts.get(draftId).attachments.find((a) => a.sha256 === sha256);
          const result = drafts.detach(draftId, sha256);
          if (result.removed && attachment) record(ctx, 'draft.detach', 'draft', draftId, { documentKind: attachment.documentKind, bytes: attachment.bytes });
          return result;
        }),
      resume: ({ retrievalCode, dateOfBirth }) => drafts.resume(retrievalCode, dateOfBirth),
    },
    dossiers: {
      submit: ({ draftId }, ctx) => {
        const queued = withAudit(() => {
          const already = dossierOfDraft.get(draftId) !== undefined;
          const result = dossiers.submit(draftId);
          if (!already) record(ctx, 'dossier.queue', 'dossier', result.dossierId, { procedureCode: dossiers.get(result.dossierId).procedureCode, localReference: result.localReference });
          return result;
        });
        sync.emit();
        if (options.startSync) sync.kick();
        return queued;
      },
      list: ({ state }) => dossiers.list(state),
      get: ({ id }) => dossiers.get(id),
    },
    documents: {
      render: async ({ kind, dossierId }, ctx) => {
        const rendered = await documents.render(kind, dossiers.get(dossierId));
        record(ctx, 'document.render', 'dossier', dossierId, { kind, printed: false });
        return rendered;
      },
      print: async ({ kind, dossierId }, ctx) => {
        const rendered = await documents.render(kind, dossiers.get(dossierId));
        const outcome = await printOnChosenPrinter(options.printer ?? null, settings.get().printerName, rendered.pdf);
        logger.info({ event: 'print', kind, printed: outcome.printed, reason: outcome.reason }, 'document print');
        record(ctx, 'document.print', 'dossier', dossierId, { kind, printed: outcome.printed });
        return { ...outcome, fileName: rendered.fileName, pdf: outcome.printed ? null : rendered.pdf };
      },
      printers: async () => ({ printers: options.printer ? await options.printer.printers() : [] }),
    },
    audit: {
      verify: () => audit.verify(),
    },
    retention: {
      purge: () => retention.purge(),
    },
    scanning: createScanningService({ scanner, drafts, catalogue, events: hub, record }),
    signing: signing.handlers,
    accounts: {
      login: ({ username, pin }, ctx) => accounts.login(username, pin, ctx.transport),
      logout: () => accounts.logout(),
      current: () => ({ account: accounts.current(), accountsExist: accounts.any() }),
      list: () => {
        accounts.requireSupervisorOnceAccountsExist();
        return { accounts: accounts.list() };
      },
      create: (input, ctx) => accounts.create(input, { actor: ctx.transport }),
      unlock: ({ username }, ctx) => accounts.unlock(username, { actor: ctx.transport }),
      changePin: ({ currentPin, newPin }, ctx) => accounts.changePin(currentPin, newPin, ctx.transport),
    },
    sync: syncHandlers(sync),
    kioskAssist: kioskAssistHandlers(kioskAssist, () => accounts.requireSupervisorOnceAccountsExist()),
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
    audit,
    retention,
    accounts,
    sync,
    files,
    kioskAssist,
    rotateDataKey() {
      const result = rotateDataKey(db, cipher, path.join(options.dataDir, 'files'));
      logger.info({ event: 'data-key-rotated', ...result }, 'data key rotated');
      return result;
    },
    close() {
      sync.stop();
      clearInterval(retentionTimer);
      void kioskAssist.close();
      hidScans?.stop();
      signing.close();
      void documentWorker.close();
      catalogue.close();
      runs.endCleanly();
      db.close();
    },
  };
}
