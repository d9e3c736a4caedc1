import path from 'node:path';
import type * as Electron from 'electron';
import { channels } from '../contract/channels';
import type { Settings } from '../contract/settings';
import { createServices, type AppServices } from '../services/createServices';
import { defaultDataDir } from '../services/dataDir';
import { fileKeyProtector } from '../services/crypto/keyProtector';
import { createFileLogger } from '../services/logger';
import { appEntryUrl, appScheme, serveAppAsset } from './appProtocol';
import { hardenSession, hardenWebContents } from './hardening';
import { downloadTarget } from './security';
import { createElectronPrinter, printScheme } from './electronPrinter';
import { safeStorageKeyProtector } from './safeStorageProtector';
import { bindRouterToIpc } from './ipc';
import { mainWindowOptions } from './windowOptions';

/** The parts of the electron module the app uses; a parameter so the wiring is testable without Electron. */
export interface ElectronMain {
  app: Electron.App;
  safeStorage: Electron.SafeStorage;
  BrowserWindow: typeof Electron.BrowserWindow;
  ipcMain: Electron.IpcMain;
  protocol: Electron.Protocol;
  session: { defaultSession: Electron.Session; fromPartition(partition: string): Electron.Session };
  Menu: typeof Electron.Menu;
}

export interface AppPaths {
  /** Built renderer files (dist/renderer). */
  rendererDir: string;
  /** Bundled preload script. */
  preloadPath: string;
  resourcesDir: string;
}

/** The URL the window loads: always the packaged files in production; a dev server only in development. */
export function entryUrl(isPackaged: boolean, devServerUrl: string | undefined): string {
  return !isPackaged && devServerUrl ? devServerUrl : appEntryUrl;
}

export function startApp(electron: ElectronMain, paths: AppPaths, env: NodeJS.ProcessEnv = process.env): void {
  const { app, BrowserWindow, ipcMain, protocol, Menu } = electron;
  const devServerUrl = app.isPackaged ? undefined : env.MOTCUA_DEV_SERVER_URL;
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : null;

  // Must happen before 'ready': our scheme behaves like https (standard, secure, fetch).
  // The print window's scheme streams a PDF from memory into Chromium's viewer.
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    { scheme: printScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
  app.enableSandbox();

  // One counter, one app: a second start focuses the first window instead of opening the database twice.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const dataDir = defaultDataDir(env);
  app.setPath('userData', dataDir);

  let services: AppServices | null = null;
  let window: Electron.BrowserWindow | null = null;
  let current: Settings | null = null;
  const kioskMode = () => current?.kioskMode ?? false;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { kioskMode, isPackaged: app.isPackaged }));
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    services?.close();
    services = null;
  });

  void app.whenReady().then(() => {
    const logger = createFileLogger(path.join(dataDir, 'logs', 'main.log'));
    const keysDir = path.join(dataDir, 'keys');
    services = createServices({
      dataDir,
      resourcesDir: paths.resourcesDir,
      appVersion: app.getVersion(),
      logger,
      printer: createElectronPrinter(electron, () => window),
      keyProtector: safeStorageKeyProtector(electron.safeStorage, keysDir, logger, () => fileKeyProtector(keysDir)),
      startSync: true,
      hidReaders: true,
    });
    current = services.settings.get();
    // The counter PC's help-call listener (kiosk "Gọi cán bộ hỗ trợ"), when a port is configured.
    void services.kioskAssist.start();

    hardenSession(electron.session.defaultSession, devOrigin);
    electron.session.defaultSession.on('will-download', (event, item) => {
      const target = downloadTarget(kioskMode(), app.getPath('downloads'), item.getFilename());
      if (target === null) event.preventDefault();
      else item.setSavePath(target);
    });
    protocol.handle(appScheme, (request) => serveAppAsset(paths.rendererDir, request));
    bindRouterToIpc(ipcMain, services.router, logger, devOrigin);

    if (app.isPackaged || kioskMode()) Menu.setApplicationMenu(null);
    const win = new BrowserWindow(mainWindowOptions({ kioskMode: kioskMode(), isPackaged: app.isPackaged, preloadPath: paths.preloadPath }));
    window = win;
    win.on('closed', () => {
      window = null;
    });

    services.events.subscribe((name, payload) => {
      if (name === 'settings.changed') {
        current = payload as Settings;
        win.setKiosk(current.kioskMode);
        if (current.kioskMode) Menu.setApplicationMenu(null);
      }
      if (!win.isDestroyed()) win.webContents.send(channels.event, name, payload);
    });

    win.once('ready-to-show', () => win.show());
    void win.loadURL(entryUrl(app.isPackaged, devServerUrl));
    logger.info({ event: 'app-started', packaged: app.isPackaged, kioskMode: kioskMode() }, 'window opened');
  });
}

/** Where the built files sit relative to the bundled main script (dist/electron/main.cjs). */
export function defaultPaths(mainDir: string, resourcesPath: string, isPackaged: boolean): AppPaths {
  const distDir = path.resolve(mainDir, '..');
  return {
    rendererDir: path.join(distDir, 'renderer'),
    preloadPath: path.join(mainDir, 'preload.cjs'),
    resourcesDir: isPackaged ? path.join(resourcesPath, 'resources') : path.resolve(distDir, '..', 'resources'),
  };
}
