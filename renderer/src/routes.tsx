import { lazy, Suspense } from 'react';
import { createHashRouter } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../electron/contract/index';
import { App } from './App';
import { KioskLock } from './components/KioskLock';
import { CounterScreen } from './screens/CounterScreen';
import { HomeScreen } from './screens/HomeScreen';
import { KioskScreen } from './screens/KioskScreen';
import { KioskStartScreen } from './screens/KioskStartScreen';
import { NotFoundScreen } from './screens/NotFoundScreen';

// The form library and its resolvers load only when an official opens Settings.
const SettingsScreen = lazy(() => import('./screens/SettingsScreen'));

function Loading() {
  const { t } = useTranslation();
  return <p className="body">{t('app.loading')}</p>;
}

/** Hash routes: the app is loaded from `app://motcua/index.html` (and a loopback server in tests). */
export function createAppRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <App />,
      children: [
        { index: true, element: <KioskLock><HomeScreen /></KioskLock> },
        { path: 'counter', element: <KioskLock><CounterScreen /></KioskLock> },
        { path: 'kiosk', element: <KioskScreen /> },
        { path: 'kiosk/start', element: <KioskStartScreen /> },
        {
          path: 'settings',
          element: (
            <KioskLock atEntryOnly>
              <Suspense fallback={<Loading />}>
                <SettingsScreen />
              </Suspense>
            </KioskLock>
          ),
        },
        { path: '*', element: <NotFoundScreen /> },
      ],
    },
  ]);
}

/**
 * Where the app opens: the kiosk whenever kiosk mode is on, otherwise the chosen start screen,
 * but only when nothing else was asked for (a reload keeps the current screen).
 */
export function startPath(settings: Settings, currentPath: string): string | null {
  if (settings.kioskMode) return currentPath === '/kiosk' || currentPath.startsWith('/kiosk/') ? null : '/kiosk';
  if (currentPath === '/' && settings.startScreen !== 'home') return `/${settings.startScreen}`;
  return null;
}
