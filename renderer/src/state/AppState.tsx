import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Account, AppInfo, Settings } from '../../../electron/contract/index';
import { api } from '../api';
import { setLanguage } from '../i18n';

/** Who is signed in at this counter; `accountsExist` false is first-run setup mode (nothing asks to sign in). */
export interface SessionState {
  account: Account | null;
  accountsExist: boolean;
}

export type InfoState = { status: 'loading' } | { status: 'ready'; info: AppInfo } | { status: 'failed'; error: unknown };

interface AppState {
  settings: Settings;
  info: InfoState;
  /** Takes the settings a call just returned, without waiting for the `settings.changed` event. */
  replaceSettings(settings: Settings): void;
  session: SessionState;
  replaceSession(session: SessionState): void;
}

const AppStateContext = createContext<AppState | null>(null);

/** Holds what every screen may read: the settings (kept current by the app's event) and the app info. */
export function AppStateProvider({ initialSettings, initialSession, children }: { initialSettings: Settings; initialSession: SessionState; children: ReactNode }) {
  const [settings, setSettings] = useState(initialSettings);
  const [session, replaceSession] = useState(initialSession);
  const [info, setInfo] = useState<InfoState>({ status: 'loading' });

  const replaceSettings = useCallback((next: Settings) => {
    setSettings(next);
    setLanguage(next.language);
  }, []);

  useEffect(() => api.on('settings.changed', replaceSettings), [replaceSettings]);

  // Turning kiosk mode on signs the official out in the app; leaving it signs nobody in: ask again.
  const kioskMode = settings.kioskMode;
  useEffect(() => {
    let current = true;
    api.accounts.current().then(
      (value) => current && replaceSession(value),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [kioskMode]);

  useEffect(() => {
    let current = true;
    api.app.info().then(
      (value) => current && setInfo({ status: 'ready', info: value }),
      (error: unknown) => current && setInfo({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, []);

  const value = useMemo(() => ({ settings, info, replaceSettings, session, replaceSession }), [settings, info, replaceSettings, session]);
  return <AppStateContext.Provider value={value}>{children}</AppStateContext.Provider>;
}

function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('useAppState outside AppStateProvider');
  return state;
}

export function useSettings(): Pick<AppState, 'settings' | 'replaceSettings'> {
  const { settings, replaceSettings } = useAppState();
  return { settings, replaceSettings };
}

export function useAppInfo(): InfoState {
  return useAppState().info;
}

export function useSession(): Pick<AppState, 'session' | 'replaceSession'> {
  const { session, replaceSession } = useAppState();
  return { session, replaceSession };
}
