import { useEffect, useLayoutEffect } from 'react';
import { Outlet, useLocation } from 'react-router';
import { Header } from './components/Header';
import { SkipLink } from './components/SkipLink';
import { setLanguage } from './i18n';
import { applyDisplayPrefs, useDisplayPrefs } from './kiosk/displayPrefs';
import { KioskIdleMonitor } from './kiosk/KioskIdleMonitor';
import { KioskToolbar } from './kiosk/KioskToolbar';
import { isKioskSessionPath, KioskSessionProvider, useKioskSession } from './kiosk/KioskSession';
import { useSettings } from './state/AppState';

export function isKioskPath(pathname: string): boolean {
  return pathname === '/kiosk' || pathname.startsWith('/kiosk/');
}

/**
 * The frame of every screen: skip link, header, and `<main id="main">` holding the screen.
 * Kiosk screens mark `<html data-mode="kiosk">`, which the CSS turns into bigger text and targets.
 */
export function App() {
  return (
    <KioskSessionProvider>
      <Frame />
    </KioskSessionProvider>
  );
}

/**
 * A kiosk session (any `/kiosk/…` screen) runs the inactivity timer; a wipe remounts the screen
 * (`key`), so nothing a screen held survives it (see kiosk/KioskSession.tsx).
 */
function Frame() {
  const { pathname } = useLocation();
  const { generation } = useKioskSession();
  const inKioskSession = isKioskSessionPath(pathname);
  const { settings } = useSettings();
  const kioskScreen = isKioskPath(pathname);

  useLayoutEffect(() => {
    document.documentElement.dataset.mode = kioskScreen ? 'kiosk' : 'counter';
  }, [kioskScreen]);
  const displayPrefs = useDisplayPrefs();
  useLayoutEffect(() => applyDisplayPrefs(displayPrefs, kioskScreen), [displayPrefs, kioskScreen]);

  // Only the Settings screen may show a language that is not saved yet (its preview).
  useEffect(() => {
    if (pathname !== '/settings') setLanguage(settings.language);
  }, [pathname, settings.language]);

  return (
    <>
      <SkipLink />
      <Header kioskScreen={kioskScreen} inKioskSession={inKioskSession} />
      {kioskScreen && <KioskToolbar />}
      <div className="page">
        <main id="main" className="main" tabIndex={-1} key={generation}>
          <Outlet />
        </main>
      </div>
      {inKioskSession && <KioskIdleMonitor />}
    </>
  );
}
