import { lazy, Suspense, type ReactNode } from 'react';
import { createHashRouter } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../electron/contract/index';
import { App } from './App';
import { KioskLock } from './components/KioskLock';
import { SignInGate } from './components/SignInGate';
import { KioskConsentGate } from './kiosk/KioskConsentGate';
import { CounterScreen } from './screens/CounterScreen';
import { HomeScreen } from './screens/HomeScreen';
import { KioskScreen } from './screens/KioskScreen';
import { KioskStartScreen } from './screens/KioskStartScreen';
import { NotFoundScreen } from './screens/NotFoundScreen';

// The form library and its resolvers load only when an official opens Settings.
const SettingsScreen = lazy(() => import('./screens/SettingsScreen'));
const AccountsScreen = lazy(() => import('./screens/AccountsScreen'));
// The procedure screens load when a procedure is chosen (the first screens stay small).
const ChooseProcedureScreen = lazy(() => import('./screens/wizard/ChooseProcedureScreen'));
const WizardLayout = lazy(() => import('./wizard/WizardLayout'));
const KioskStartPage = lazy(() => import('./screens/wizard/KioskStartPage'));
const KioskQuestionScreen = lazy(() => import('./screens/wizard/KioskQuestionScreen'));
const CounterStepScreen = lazy(() => import('./screens/wizard/CounterStepScreen'));
const ReviewScreen = lazy(() => import('./screens/wizard/ReviewScreen'));
const ResumeRedirect = lazy(() => import('./screens/wizard/ResumeRedirect'));
const ConfirmationScreen = lazy(() => import('./screens/wizard/ConfirmationScreen'));
const KioskResumeScreen = lazy(() => import('./screens/wizard/KioskResumeScreen'));
const KioskConsentScreen = lazy(() => import('./kiosk/KioskConsentScreen'));
const SyncQueueScreen = lazy(() => import('./sync/SyncQueueScreen'));
const DossierStatusScreen = lazy(() => import('./sync/DossierStatusScreen'));
const KioskLookupScreen = lazy(() => import('./sync/KioskLookupScreen'));
const ChecklistScreen = lazy(() => import('./kiosk/ChecklistScreen'));
const ScanScreen = lazy(() => import('./screens/scan/ScanScreen'));
const SignApplicationScreen = lazy(() => import('./signing/SignApplicationScreen'));

function Loading() {
  const { t } = useTranslation();
  return <p className="body">{t('app.loading')}</p>;
}

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

function Counter({ children }: { children: ReactNode }) {
  return (
    <KioskLock>
      <SignInGate>
        <Lazy>{children}</Lazy>
      </SignInGate>
    </KioskLock>
  );
}

/** Hash routes: the app is loaded from `app://motcua/index.html` (and a loopback server in tests). */
export function createAppRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <App />,
      children: [
        { index: true, element: <KioskLock><HomeScreen /></KioskLock> },
        { path: 'counter', element: <KioskLock><SignInGate><CounterScreen /></SignInGate></KioskLock> },
        { path: 'kiosk', element: <KioskScreen /> },
        { path: 'kiosk/start', element: <KioskStartScreen /> },
        { path: 'kiosk/thu-tuc', element: <Lazy><ChooseProcedureScreen mode="kiosk" /></Lazy> },
        {
          path: 'kiosk/thu-tuc/:code',
          element: <Lazy><WizardLayout mode="kiosk" /></Lazy>,
          children: [
            { index: true, element: <KioskStartPage /> },
            { path: 'dong-y', element: <KioskConsentScreen /> },
            { path: 'cau/:key', element: <KioskConsentGate><KioskQuestionScreen /></KioskConsentGate> },
            { path: 'kiem-tra', element: <KioskConsentGate><ReviewScreen /></KioskConsentGate> },
            { path: 'quet/:kind', element: <KioskConsentGate><ScanScreen /></KioskConsentGate> },
            { path: 'tiep-tuc', element: <KioskConsentGate><ResumeRedirect /></KioskConsentGate> },
          ],
        },
        { path: 'kiosk/da-nop/:dossierId', element: <Lazy><ConfirmationScreen mode="kiosk" /></Lazy> },
        { path: 'kiosk/tiep-tuc', element: <Lazy><KioskResumeScreen /></Lazy> },
        { path: 'kiosk/giay-to/:code', element: <Lazy><ChecklistScreen /></Lazy> },
        { path: 'counter/thu-tuc', element: <Counter><ChooseProcedureScreen mode="counter" /></Counter> },
        {
          path: 'counter/thu-tuc/:code',
          element: <Counter><WizardLayout mode="counter" /></Counter>,
          children: [
            { index: true, element: <CounterStepScreen /> },
            { path: 'buoc/:stepId', element: <CounterStepScreen /> },
            { path: 'kiem-tra', element: <ReviewScreen /> },
            { path: 'quet/:kind', element: <ScanScreen /> },
          ],
        },
        { path: 'counter/da-nop/:dossierId', element: <Counter><ConfirmationScreen mode="counter" /></Counter> },
        { path: 'counter/gui-ho-so', element: <Counter><SyncQueueScreen /></Counter> },
        { path: 'counter/ho-so/:dossierId', element: <Counter><DossierStatusScreen /></Counter> },
        { path: 'kiosk/tra-cuu', element: <Lazy><KioskLookupScreen /></Lazy> },
        { path: 'counter/ky-so/:dossierId', element: <Counter><SignApplicationScreen /></Counter> },
        {
          path: 'settings',
          element: (
            <KioskLock atEntryOnly>
              <SignInGate supervisor atEntryOnly>
                <Suspense fallback={<Loading />}>
                  <SettingsScreen />
                </Suspense>
              </SignInGate>
            </KioskLock>
          ),
        },
        {
          path: 'settings/tai-khoan',
          element: (
            <KioskLock atEntryOnly>
              <SignInGate supervisor atEntryOnly>
                <Lazy>
                  <AccountsScreen />
                </Lazy>
              </SignInGate>
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
