/**
 * What one kiosk session is allowed to show. See KioskSession.tsx for the whole design.
 *
 * The store holds ids, never answers: the drafts and dossiers this session created or resumed
 * (a `?hoSo=` or `/da-nop/` address naming anything else is refused), and the procedures the
 * resident consented to. It is mirrored in sessionStorage under one key only so that a reload in
 * the middle of a session (a renderer crash, an official pressing F5) keeps the resident's work;
 * the mirror holds opaque ids and procedure codes, no personal data, and `reset()` removes it.
 */
const storageKey = 'motcua.kioskSession';

type Owned = 'created' | 'resumed' | 'dossier';

interface Persisted {
  owned: [string, Owned][];
  consents: string[];
}

function readPersisted(): Persisted | null {
  try {
    const text = window.sessionStorage.getItem(storageKey);
    if (!text) return null;
    const value = JSON.parse(text) as Partial<Persisted>;
    return { owned: Array.isArray(value.owned) ? value.owned : [], consents: Array.isArray(value.consents) ? value.consents : [] };
  } catch {
    return null;
  }
}

export class KioskSessionStore {
  private owned = new Map<string, Owned>();
  private consents = new Set<string>();
  private readonly listeners = new Set<() => void>();
  /** Changes on every wipe: work started before it (a save still on its way) must not come back. */
  private generationValue = 0;
  private versionValue = 0;

  constructor() {
    const persisted = readPersisted();
    if (persisted) {
      this.owned = new Map(persisted.owned);
      this.consents = new Set(persisted.consents);
    }
  }

  get generation(): number {
    return this.generationValue;
  }

  /** Changes whenever anything in the store does (for useSyncExternalStore). */
  get version(): number {
    return this.versionValue;
  }

  isEmpty(): boolean {
    return this.owned.size === 0 && this.consents.size === 0;
  }

  owns(id: string): boolean {
    return this.owned.has(id);
  }

  /** Created by this session's first autosave (its id arriving in the address must not reload the wizard). */
  createdHere(id: string): boolean {
    return this.owned.get(id) === 'created';
  }

  hasConsent(procedureCode: string): boolean {
    return this.consents.has(procedureCode);
  }

  /** Records an id for the session of `generation`; ignored when that session was wiped since. */
  adopt(id: string, kind: Owned, generation = this.generationValue): void {
    if (generation !== this.generationValue) return;
    this.owned.set(id, kind);
    this.changed();
  }

  consent(procedureCode: string): void {
    this.consents.add(procedureCode);
    this.changed();
  }

  /** Forgets everything of the session and starts a new one. */
  reset(): void {
    this.owned = new Map();
    this.consents = new Set();
    this.generationValue += 1;
    try {
      window.sessionStorage.removeItem(storageKey);
    } catch {
      // Storage may be unavailable; there is then nothing to remove.
    }
    this.notify();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    try {
      const value: Persisted = { owned: [...this.owned], consents: [...this.consents] };
      window.sessionStorage.setItem(storageKey, JSON.stringify(value));
    } catch {
      // Without storage a reload simply starts a new session.
    }
    this.notify();
  }

  private notify(): void {
    this.versionValue += 1;
    for (const listener of this.listeners) listener();
  }
}

/** Blob URLs made for the resident (the receipt PDF): all revoked by a wipe. */
const objectUrls = new Set<string>();

export function createSessionObjectUrl(blob: Blob): string {
  const url = URL.createObjectURL(blob);
  objectUrls.add(url);
  return url;
}

export function revokeSessionObjectUrl(url: string): void {
  objectUrls.delete(url);
  URL.revokeObjectURL(url);
}

export function revokeAllSessionObjectUrls(): void {
  for (const url of objectUrls) URL.revokeObjectURL(url);
  objectUrls.clear();
}
