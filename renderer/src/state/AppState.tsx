import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppInfo, Settings } from '../../../electron/contract/index';
import { api } from '../api';
import { setLanguage } from '../i18n';

export type InfoState = { status: 'loading' } | { status: 'ready'; info: AppInfo } | { status: 'failed'; error: unknown };

interface AppState {
  settings: Settings;
  info: InfoState;
  /** Takes the settings a call just returned, without waiting for the `settings.changed` event. */
  replaceSettings(settings: Settings): void;
}

const AppStateContext = createContext<AppState | null>(null);

/** Holds what every screen may read: the settings (kept current by the app's event) and the app info. */
export function AppStateProvider({ initialSettings, children }: { initialSettings: Settings; children: ReactNode }) {
  const [settings, setSettings] = useState(initialSettings);
  const [info, setInfo] = useState<InfoState>({ status: 'loading' });

  const replaceSettings = useCallback((next: Settings) => {
    setSettings(next);
    setLanguage(next.language);
  }, []);

  useEffect(() => api.on('settings.changed', replaceSettings), [replaceSettings]);

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

  const value = useMemo(() => ({ settings, info, replaceSettings }), [settings, info, replaceSettings]);
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
