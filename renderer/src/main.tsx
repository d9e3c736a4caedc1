import './zodConfig';
import '@fontsource/be-vietnam-pro/latin-400.css';
import '@fontsource/be-vietnam-pro/latin-600.css';
import '@fontsource/be-vietnam-pro/latin-700.css';
import '@fontsource/be-vietnam-pro/vietnamese-400.css';
import '@fontsource/be-vietnam-pro/vietnamese-600.css';
import '@fontsource/be-vietnam-pro/vietnamese-700.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/screens.css';
import './styles/kiosk.css';
import './styles/wizard.css';
import './styles/kiosk-access.css';

import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { api } from './api';
import { setLanguage } from './i18n';
import { createAppRouter, startPath } from './routes';
import { StartupError } from './screens/StartupError';
import { AppStateProvider } from './state/AppState';

function currentHashPath(): string {
  const path = window.location.hash.replace(/^#/, '').split('?')[0] ?? '';
  return path === '' ? '/' : path;
}

async function start(root: Root): Promise<void> {
  let settings;
  let session;
  try {
    [settings, session] = await Promise.all([api.settings.get(), api.accounts.current()]);
  } catch (error) {
    root.render(<StartupError error={error} />);
    return;
  }
  setLanguage(settings.language);
  // Decide the first screen before the router reads the address, so no other screen flashes first.
  const target = startPath(settings, currentHashPath());
  if (target !== null) window.history.replaceState(null, '', `#${target}`);
  const router = createAppRouter();
  root.render(
    <StrictMode>
      <AppStateProvider initialSettings={settings} initialSession={session}>
        <RouterProvider router={router} />
      </AppStateProvider>
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (container) {
  void start(createRoot(container));
}
