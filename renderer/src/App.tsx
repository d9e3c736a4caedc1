import { useEffect, useLayoutEffect } from 'react';
import { Outlet, useLocation } from 'react-router';
import { Header } from './components/Header';
import { SkipLink } from './components/SkipLink';
import { setLanguage } from './i18n';
import { useSettings } from './state/AppState';

export function isKioskPath(pathname: string): boolean {
  return pathname === '/kiosk' || pathname.startsWith('/kiosk/');
}

/**
 * The frame of every screen: skip link, header, and `<main id="main">` holding the screen.
 * Kiosk screens mark `<html data-mode="kiosk">`, which the CSS turns into bigger text and targets.
 */
export function App() {
  const { pathname } = useLocation();
  const { settings } = useSettings();
  const kioskScreen = isKioskPath(pathname);

  useLayoutEffect(() => {
    document.documentElement.dataset.mode = kioskScreen ? 'kiosk' : 'counter';
  }, [kioskScreen]);

  // Only the Settings screen may show a language that is not saved yet (its preview).
  useEffect(() => {
    if (pathname !== '/settings') setLanguage(settings.language);
  }, [pathname, settings.language]);

  return (
    <>
      <SkipLink />
      <Header kioskScreen={kioskScreen} />
      <div className="page">
        <main id="main" className="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </>
  );
}
