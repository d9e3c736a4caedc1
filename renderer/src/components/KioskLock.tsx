import { useState, type ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useSettings } from '../state/AppState';

/**
 * While kiosk mode is on, the staff screens are not reachable: they send to the kiosk.
 * `atEntryOnly` checks only on arrival, so the Settings screen that has just turned kiosk mode on
 * can still show that it saved (its Back link then leads into the kiosk).
 */
export function KioskLock({ children, atEntryOnly = false }: { children: ReactNode; atEntryOnly?: boolean }) {
  const { settings } = useSettings();
  const [lockedOnEntry] = useState(settings.kioskMode);
  const locked = atEntryOnly ? lockedOnEntry : settings.kioskMode;
  return locked ? <Navigate to="/kiosk" replace /> : children;
}
