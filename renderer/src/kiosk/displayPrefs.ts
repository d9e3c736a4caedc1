import { useSyncExternalStore } from 'react';
import type { InputMethod } from '../keyboard/vietnameseInput';

/**
 * How the kiosk looks and types for the resident in front of it: text size (three steps), high
 * contrast, and the keyboard's Telex or VNI. Per kiosk session: mirrored in sessionStorage so a
 * reload keeps it, and reset by every wipe (KioskSession's `forget`) and by the attract screen,
 * so the next resident starts from the standard look. Applied as `<html data-text-size>` and
 * `<html data-contrast>`, which kiosk-access.css turns into sizes and colours.
 */
export type TextSize = 1 | 2 | 3;

export interface DisplayPrefs {
  textSize: TextSize;
  highContrast: boolean;
  inputMethod: InputMethod;
}

const storageKey = 'motcua.kioskDisplay';
export const standardPrefs: DisplayPrefs = { textSize: 1, highContrast: false, inputMethod: 'telex' };

function read(): DisplayPrefs {
  try {
    const value = JSON.parse(window.sessionStorage.getItem(storageKey) ?? 'null') as Partial<DisplayPrefs> | null;
    if (!value) return standardPrefs;
    return {
      textSize: value.textSize === 2 || value.textSize === 3 ? value.textSize : 1,
      highContrast: value.highContrast === true,
      inputMethod: value.inputMethod === 'vni' ? 'vni' : 'telex',
    };
  } catch {
    return standardPrefs;
  }
}

let current: DisplayPrefs = typeof window === 'undefined' ? standardPrefs : read();
const listeners = new Set<() => void>();

function publish(next: DisplayPrefs): void {
  current = next;
  try {
    if (next === standardPrefs) window.sessionStorage.removeItem(storageKey);
    else window.sessionStorage.setItem(storageKey, JSON.stringify(next));
  } catch {
    // Without storage the choice lasts until the next reload.
  }
  for (const listener of listeners) listener();
}

export function setDisplayPrefs(change: Partial<DisplayPrefs>): void {
  publish({ ...current, ...change });
}

/** Back to the standard look (a wipe, the attract screen). */
export function resetDisplayPrefs(): void {
  if (current !== standardPrefs) publish(standardPrefs);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDisplayPrefs(): DisplayPrefs {
  return useSyncExternalStore(subscribe, () => current);
}

/** Writes the look onto <html>; counter screens get none of it. */
export function applyDisplayPrefs(prefs: DisplayPrefs, kioskScreen: boolean): void {
  const root = document.documentElement;
  if (kioskScreen && prefs.textSize !== 1) root.dataset.textSize = String(prefs.textSize);
  else delete root.dataset.textSize;
  if (kioskScreen && prefs.highContrast) root.dataset.contrast = 'high';
  else delete root.dataset.contrast;
}
