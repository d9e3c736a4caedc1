import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { resetDisplayPrefs } from './displayPrefs';
import { revokeAllSessionObjectUrls, KioskSessionStore } from './sessionStore';
import { stopSpeaking } from './speech';

/**
 * The kiosk session: everything one resident did at the kiosk, from leaving the welcome screen
 * until the wipe.
 *
 * Design (the simplest that holds up):
 * - The resident's data lives only in the state of the screens under the router (the wizard's
 *   answers, the resume form, the confirmation with its receipt). A wipe navigates to `/kiosk`
 *   with `replace` and remounts the screen (`key={generation}` in App), so that state is gone;
 *   receipt Blob URLs are revoked, the clipboard is emptied where allowed.
 * - The browser history cannot be erased, so the addresses left in it are made worthless: a kiosk
 *   wizard or confirmation address shows something only when the session store (sessionStore.ts)
 *   says this session created or resumed that draft or dossier. After a wipe the store is empty:
 *   Back, history, a reload or a typed address lands on the welcome screen (the guard redirects
 *   with `replace`). Only ids are kept, never answers.
 * - The welcome screen is always a fresh session: arriving there (or on any staff screen) resets
 *   the store, so a resident who walked back to the welcome leaves nothing reachable either.
 * - The draft itself stays saved by the app: the resident may come back with the retrieval code
 *   and date of birth (`/kiosk/tiep-tuc`), which resumes it into a new session.
 * - Consent is per session and per procedure, in the same store; nothing of it is saved by the app.
 */
export interface KioskSession {
  store: KioskSessionStore;
  /** Bumped by every wipe; screens are keyed by it. */
  generation: number;
  /** Forgets the session and returns to the welcome screen; Back cannot return. */
  wipe(): void;
}

const KioskSessionContext = createContext<KioskSession | null>(null);

/** Paths where a session is under way (the welcome screen is where a new one begins). */
export function isKioskSessionPath(pathname: string): boolean {
  return pathname.startsWith('/kiosk/');
}

function clearClipboard(): void {
  try {
    const clipboard = navigator.clipboard as Clipboard | undefined;
    void clipboard?.writeText('').catch(() => undefined);
  } catch {
    // No clipboard access here: nothing the kiosk could have put there either.
  }
}

/** Drops what the session held outside React: ids, Blob URLs, the clipboard, the look it chose, speech. */
function forget(store: KioskSessionStore): void {
  store.reset();
  resetDisplayPrefs();
  stopSpeaking();
  revokeAllSessionObjectUrls();
  clearClipboard();
}

export function KioskSessionProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => new KioskSessionStore());
  const generation = useSyncExternalStore(store.subscribe, () => store.generation);
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const wipe = useCallback(() => {
    forget(store);
    (document.activeElement as HTMLElement | null)?.blur?.();
    void navigate('/kiosk', { replace: true });
    window.scrollTo(0, 0);
  }, [store, navigate]);

  // The welcome screen and the staff screens start from nothing.
  const inSession = isKioskSessionPath(pathname);
  useEffect(() => {
    if (!inSession && !store.isEmpty()) forget(store);
  }, [inSession, store]);

  const value = useMemo(() => ({ store, generation, wipe }), [store, generation, wipe]);
  return <KioskSessionContext.Provider value={value}>{children}</KioskSessionContext.Provider>;
}

export function useKioskSession(): KioskSession {
  const session = useContext(KioskSessionContext);
  if (!session) throw new Error('useKioskSession outside KioskSessionProvider');
  return session;
}

/** Re-renders when the session's ids or consents change. */
export function useKioskSessionVersion(): number {
  const { store } = useKioskSession();
  return useSyncExternalStore(store.subscribe, () => store.version);
}
