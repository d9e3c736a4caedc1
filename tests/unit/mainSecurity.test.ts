/**
 * Asserts every security setting of the Electron main process without launching Electron:
 * the wiring in electron/main is driven with a recording stand-in for the electron module
 * (the binary cannot run on our build machines), and the pure rules are called directly.
 * Weakening any setting makes a test here fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it, vi } from 'vitest';
import YAML from 'yaml';
import { channels } from '../../electron/contract/channels';
import type { Result } from '../../electron/contract/errors';
import { appEntryUrl, resolveAppAsset, serveAppAsset } from '../../electron/main/appProtocol';
import { startApp, type ElectronMain } from '../../electron/main/bootstrap';
import { contentSecurityPolicy } from '../../electron/main/csp';
import { createServices } from '../../electron/services/createServices';
import { createLogger } from '../../electron/services/logger';
import { tempDir } from '../support/tempDir';

type Listener = (...args: unknown[]) => unknown;

class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, fn: Listener) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
    return this;
  }
  once(name: string, fn: Listener) {
    return this.on(name, fn);
  }
  emit(name: string, ...args: unknown[]) {
    return (this.listeners.get(name) ?? []).map((fn) => fn(...args));
  }
}

class FakeWebContents extends FakeEmitter {
  windowOpenHandler: (() => unknown) | null = null;
  readonly sent: unknown[][] = [];
  readonly closeDevTools = vi.fn();
  setWindowOpenHandler(fn: () => unknown) {
    this.windowOpenHandler = fn;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
}

function fakeElectron(options: { isPackaged: boolean; lockGranted?: boolean }) {
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const windows: FakeWindow[] = [];
  const ipcHandlers = new Map<string, Listener>();
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: options.isPackaged,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => options.lockGranted ?? true),
    quit: vi.fn(),
    whenReady: () => ready,
    getVersion: () => '0.1.0-test',
    getPath: (name: string) => `/home/canbo/${name}`,
    setPath: vi.fn(),
  });
  class FakeWindow extends FakeEmitter {
    readonly webContents = new FakeWebContents();
    readonly loadURL = vi.fn(async () => undefined);
    readonly setKiosk = vi.fn();
    readonly show = vi.fn();
    constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
      super();
      windows.push(this);
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
  }
  const defaultSession = {
    on: vi.fn(),
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  };
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: vi.fn((channel: string, fn: Listener) => ipcHandlers.set(channel, fn)) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession, fromPartition: vi.fn(() => ({ protocol: { handle: vi.fn() } })) },
    Menu: { setApplicationMenu: vi.fn() },
    // No OS keyring on the build machines: the app falls back to its key file (and logs it).
    safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
  };
  return { electron: electron as unknown as ElectronMain, raw: electron, app, windows, ipcHandlers, defaultSession, ready: resolveReady };
}

async function started(options: { isPackaged: boolean; kioskMode?: boolean; env?: Record<string, string> }) {
  const dataDir = tempDir();
  if (options.kioskMode) {
    const services = createServices({ dataDir, resourcesDir: 'resources', appVersion: 'x', logger: createLogger(undefined, 'silent') });
    await services.settings.update({ kioskMode: true, kioskExitCode: '135790' });
    services.close();
  }
  const fake = fakeElectron({ isPackaged: options.isPackaged });
  startApp(fake.electron, { rendererDir: 'dist/renderer', preloadPath: '/app/preload.cjs', resourcesDir: 'resources' }, { MOTCUA_DATA_DIR: dataDir, ...options.env });
  fake.ready();
  await new Promise((r) => setTimeout(r, 20));
  const window = fake.windows[0]!;
  return { ...fake, window, dataDir, close: () => fake.app.emit('will-quit') };
}

function contentsCreated(fake: { app: FakeEmitter }) {
  const contents = new FakeWebContents();
  fake.app.emit('web-contents-created', {}, contents);
  return contents;
}

describe('main window', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, web security, no webview, preload set', async () => {
    const s = await started({ isPackaged: true });
    const prefs = s.window.options.webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.devTools).toBe(false);
    expect(prefs.preload).toBe('/app/preload.cjs');
    expect(s.app.enableSandbox).toHaveBeenCalled();
    s.close();
  });

  it('loads packaged files through the app:// protocol, never a dev server, in production', async () => {
    const s = await started({ isPackaged: true, env: { MOTCUA_DEV_SERVER_URL: 'http://localhost:5173/' } });
    expect(s.window.loadURL).toHaveBeenCalledWith(appEntryUrl);
    expect(appEntryUrl).toBe('app://motcua/index.html');
    expect(s.raw.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
      expect.objectContaining({ scheme: 'motcua-print', privileges: expect.objectContaining({ standard: true, secure: true, stream: true }) }),
    ]);
    expect(s.raw.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    s.close();
  });

  it('takes the single-instance lock and quits when another instance holds it', async () => {
    const s = await started({ isPackaged: true });
    expect(s.app.requestSingleInstanceLock).toHaveBeenCalled();
    s.close();
    const fake = fakeElectron({ isPackaged: true, lockGranted: false });
    startApp(fake.electron, { rendererDir: 'x', preloadPath: 'y', resourcesDir: 'z' }, { MOTCUA_DATA_DIR: tempDir() });
    fake.ready();
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
  });
});

describe('navigation, new windows and webviews', () => {
  it('denies every navigation, redirect, new window and webview', async () => {
    const s = await started({ isPackaged: true });
    const contents = contentsCreated(s);
    for (const event of ['will-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://motcua/other.html']) {
        const preventDefault = vi.fn();
        contents.emit(event, { preventDefault }, url);
        expect(preventDefault, `${event} ${url}`).toHaveBeenCalled();
      }
    }
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
    const preventWebview = vi.fn();
    contents.emit('will-attach-webview', { preventDefault: preventWebview });
    expect(preventWebview).toHaveBeenCalled();
    contents.emit('devtools-opened');
    expect(contents.closeDevTools).toHaveBeenCalled();
    s.close();
  });
});

describe('permissions and network', () => {
  it('denies every permission except the camera for our own top-level page', async () => {
    const s = await started({ isPackaged: true });
    const handler = s.defaultSession.setPermissionRequestHandler.mock.calls[0]![0] as (...a: unknown[]) => void;
    const ask = (permission: string, requestingUrl: string, mediaTypes: string[] = [], isMainFrame = true) => {
      let granted: boolean | undefined;
      handler({}, permission, (g: boolean) => (granted = g), { requestingUrl, mediaTypes, isMainFrame });
      return granted;
    };
    expect(ask('media', 'app://motcua/index.html', ['video'])).toBe(true);
    expect(ask('media', 'app://motcua/index.html', ['audio'])).toBe(false);
    expect(ask('media', 'app://motcua/index.html', ['video', 'audio'])).toBe(false);
    expect(ask('media', 'app://motcua/index.html', ['video'], false)).toBe(false);
    expect(ask('media', 'https://evil.example/', ['video'])).toBe(false);
    for (const p of ['geolocation', 'notifications', 'midi', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'usb', 'serial']) {
      expect(ask(p, 'app://motcua/index.html'), p).toBe(false);
    }
    const check = s.defaultSession.setPermissionCheckHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean;
    expect(check({}, 'media', 'app://motcua')).toBe(true);
    expect(check({}, 'media', 'https://evil.example')).toBe(false);
    expect(check({}, 'geolocation', 'app://motcua')).toBe(false);
    const device = s.defaultSession.setDevicePermissionHandler.mock.calls[0]![0] as () => boolean;
    expect(device()).toBe(false);
    s.close();
  });

  it('lets the renderer load nothing remote', async () => {
    const s = await started({ isPackaged: true });
    const filter = s.defaultSession.webRequest.onBeforeRequest.mock.calls[0]![0] as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
    const cancelled = (url: string) => {
      let result: boolean | undefined;
      filter({ url }, (r) => (result = r.cancel));
      return result;
    };
    expect(cancelled('app://motcua/assets/index.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(cancelled('https://cdn.example/react.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:5173/src/main.tsx')).toBe(true);
    expect(cancelled('ws://example/socket')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    s.close();
  });

  it('has a strict content security policy: no remote code, no eval, no inline script', () => {
    const directives = new Map(contentSecurityPolicy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    for (const [name, values] of directives) {
      for (const value of values) {
        expect(value, name).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|unsafe-hashes|strict-dynamic|^\*$|^https?:|^wss?:/);
      }
    }
  });
});

describe('IPC', () => {
  it('checks the sender of every call and answers only our own top frame', async () => {
    const s = await started({ isPackaged: true });
    const handler = s.ipcHandlers.get(channels.invoke)!;
    const invoke = (senderFrame: unknown, method: string) => handler({ senderFrame }, method, {}) as Promise<Result<unknown>>;
    const evil = await invoke({ url: 'https://evil.example/', parent: null }, 'app.info');
    expect(!evil.ok && evil.error.code).toBe('UNTRUSTED_SENDER');
    const subframe = await invoke({ url: 'app://motcua/index.html', parent: {} }, 'app.info');
    expect(!subframe.ok && subframe.error.code).toBe('UNTRUSTED_SENDER');
    const none = await invoke(null, 'app.info');
    expect(!none.ok && none.error.code).toBe('UNTRUSTED_SENDER');
    const own = await invoke({ url: 'app://motcua/index.html#/settings', parent: null }, 'app.info');
    expect(own.ok).toBe(true);
    s.close();
  });
});

describe('kiosk mode', () => {
  it('opens full-screen kiosk with no menu and no devtools when the settings say so', async () => {
    const s = await started({ isPackaged: false, kioskMode: true });
    expect(s.window.options.kiosk).toBe(true);
    expect(s.window.options.fullscreen).toBe(true);
    expect(s.window.options.webPreferences!.devTools).toBe(false);
    expect(s.raw.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    const contents = contentsCreated(s);
    for (const input of [{ key: 'F5' }, { key: 'r', control: true }, { key: 'I', control: true, shift: true }, { key: 'F12' }, { key: 'F4', alt: true }]) {
      const preventDefault = vi.fn();
      contents.emit('before-input-event', { preventDefault }, { control: false, meta: false, alt: false, shift: false, ...input });
      expect(preventDefault, JSON.stringify(input)).toHaveBeenCalled();
    }
    const typing = vi.fn();
    contents.emit('before-input-event', { preventDefault: typing }, { key: 'a', control: false, meta: false, alt: false, shift: false });
    expect(typing).not.toHaveBeenCalled();
    contents.emit('devtools-opened');
    expect(contents.closeDevTools).toHaveBeenCalled();
    s.close();
  });

  it('leaves kiosk mode only through the official’s code, and the window follows', async () => {
    const s = await started({ isPackaged: false, kioskMode: true });
    const handler = s.ipcHandlers.get(channels.invoke)!;
    const frame = { url: 'app://motcua/index.html', parent: null };
    const wrong = (await handler({ senderFrame: frame }, 'kiosk.exit', { code: '000000' })) as Result<unknown>;
    expect(!wrong.ok && wrong.error.code).toBe('KIOSK_CODE_INCORRECT');
    expect(s.window.setKiosk).not.toHaveBeenCalled();
    const right = (await handler({ senderFrame: frame }, 'kiosk.exit', { code: '135790' })) as Result<unknown>;
    expect(right.ok).toBe(true);
    expect(s.window.setKiosk).toHaveBeenCalledWith(false);
    expect(s.window.webContents.sent.filter((m) => m[1] === 'settings.changed').at(-1)).toEqual([channels.event, 'settings.changed', expect.objectContaining({ kioskMode: false })]);
    s.close();
  });

  it('in development without kiosk mode, devtools stay available', async () => {
    const s = await started({ isPackaged: false });
    expect(s.window.options.kiosk).toBe(false);
    expect(s.window.options.webPreferences!.devTools).toBe(true);
    s.close();
  });
});

describe('downloads', () => {
  function download(s: Awaited<ReturnType<typeof started>>, filename: string) {
    const handler = s.defaultSession.on.mock.calls.find((c) => c[0] === 'will-download')![1] as (e: unknown, item: unknown) => void;
    const preventDefault = vi.fn();
    const setSavePath = vi.fn();
    handler({ preventDefault }, { getFilename: () => filename, setSavePath });
    return { preventDefault, setSavePath };
  }

  it('saves a counter download silently into Downloads, with a plain file name', async () => {
    const s = await started({ isPackaged: true });
    const { preventDefault, setSavePath } = download(s, '../../phieu-hen-TAM-261124-0001.pdf');
    expect(preventDefault).not.toHaveBeenCalled();
    expect(setSavePath).toHaveBeenCalledWith('/home/canbo/downloads/_.._phieu-hen-TAM-261124-0001.pdf');
    s.close();
  });

  it('keeps nothing of a resident on a kiosk: downloads are cancelled', async () => {
    const s = await started({ isPackaged: true, kioskMode: true });
    const { preventDefault, setSavePath } = download(s, 'phieu-hen.pdf');
    expect(preventDefault).toHaveBeenCalled();
    expect(setSavePath).not.toHaveBeenCalled();
    s.close();
  });
});

describe('app:// protocol', () => {
  it('serves only files inside the renderer folder, with the security headers', async () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'assets', 'a.js'), 'console.log(1)');
    fs.writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'secret');
    const ok = await serveAppAsset(root, new Request('app://motcua/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/html');
    expect(ok.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await serveAppAsset(root, new Request('app://motcua/assets/a.js'))).headers.get('content-type')).toContain('javascript');
    expect((await serveAppAsset(root, new Request('app://motcua/'))).status).toBe(200);
    for (const url of ['app://motcua/../secret.txt', 'app://motcua/%2e%2e/secret.txt', 'app://motcua/..%2fsecret.txt', 'app://motcua/assets/..%5c..%5csecret.txt', 'app://other/index.html', 'app://motcua/missing.js']) {
      const response = await serveAppAsset(root, new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
    expect(resolveAppAsset(root, 'https://motcua/index.html')).toBeNull();
  });
});

describe('packaging (electron-builder.yml)', () => {
  interface BuilderConfig {
    electronFuses: Record<string, boolean>;
    win: { target: unknown };
    nsis: { perMachine: boolean };
    linux: { target: { target: string }[] };
    asar: boolean;
    asarUnpack: string[];
    npmRebuild: boolean;
  }
  const config = YAML.parse(fs.readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;

  it('is a valid electron-builder configuration', () => {
    const schema = JSON.parse(fs.readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const valid = ajv.validate(schema, config);
    expect(ajv.errors ?? [], JSON.stringify(ajv.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('sets the Electron fuses: no RunAsNode, no NODE_OPTIONS, no inspect arguments, app only from the asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds Windows NSIS x64 per machine and Linux deb + AppImage, unpacking native modules', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis.perMachine).toBe(true);
    expect(config.linux.target.map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
  });
});

describe('preload', () => {
  it('exposes exactly one object, the bridge, with invoke and on', async () => {
    const exposed: [string, Record<string, unknown>][] = [];
    const invoke = vi.fn(async () => ({ ok: true, value: 1 }));
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => exposed.push([name, api]) },
      ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
    }));
    await import('../../electron/preload/preload');
    expect(exposed).toHaveLength(1);
    const [name, api] = exposed[0]!;
    expect(name).toBe('motcua');
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    await (api.invoke as (m: string, i: unknown) => Promise<unknown>)('app.info', {});
    expect(invoke).toHaveBeenCalledWith(channels.invoke, 'app.info', {});
    vi.doUnmock('electron');
  });
});
