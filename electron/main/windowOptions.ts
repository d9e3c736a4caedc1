import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowSettings {
  kioskMode: boolean;
  /** Packaged builds never get devtools. */
  isPackaged: boolean;
  preloadPath: string;
}

/**
 * SECURITY-CRITICAL: the renderer gets no Node, runs sandboxed and isolated from the preload,
 * and only sees the one bridge the preload exposes. Asserted by tests/unit/mainSecurity.test.ts.
 */
export function mainWindowOptions(settings: WindowSettings): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    title: 'Một Cửa Kiosk',
    kiosk: settings.kioskMode,
    fullscreen: settings.kioskMode,
    autoHideMenuBar: true,
    webPreferences: {
      preload: settings.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !settings.isPackaged && !settings.kioskMode,
    },
  };
}
