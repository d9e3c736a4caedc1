import { useCallback, useEffect, useRef, useState } from 'react';
import { useSettings } from '../state/AppState';
import { IdleWarningDialog } from './IdleWarningDialog';
import { useKioskSession } from './KioskSession';

/** What counts as the resident still being there. */
const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'input', 'wheel'] as const;

/**
 * The inactivity timer of a kiosk session (mounted only on `/kiosk/…` screens, so leaving them
 * stops it). Any touch, key or input restarts the count. After `kioskIdleWarningSeconds` the
 * warning dialog opens; after `kioskIdleWipeSeconds` of inactivity the session is wiped.
 *
 * Time is read from `Date.now()` at each timer, never counted in ticks, so a late timer (a busy
 * machine, a clock jump in tests) still decides from the real idle time.
 */
export function KioskIdleMonitor() {
  const { settings } = useSettings();
  const { wipe } = useKioskSession();
  const warningMs = settings.kioskIdleWarningSeconds * 1000;
  // The contract keeps wipe > warning; stay safe if an older database says otherwise.
  const wipeMs = Math.max(settings.kioskIdleWipeSeconds * 1000, warningMs + 30_000);
  const lastActivity = useRef(0);
  const [deadline, setDeadline] = useState<number | null>(null);
  const warning = deadline !== null;

  // Activity restarts the count, except while the warning is open: only its button extends.
  useEffect(() => {
    if (warning) return;
    lastActivity.current = Date.now();
    const onActivity = () => {
      lastActivity.current = Date.now();
    };
    for (const name of activityEvents) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of activityEvents) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [warning]);

  // One timer, moved on when activity happened since it was set.
  useEffect(() => {
    if (warning) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const idle = Date.now() - lastActivity.current;
      if (idle >= warningMs) {
        setDeadline(lastActivity.current + wipeMs);
        return;
      }
      timer = setTimeout(check, warningMs - idle);
    };
    timer = setTimeout(check, Math.max(0, warningMs - (Date.now() - lastActivity.current)));
    return () => clearTimeout(timer);
  }, [warning, warningMs, wipeMs]);

  const extend = useCallback(() => {
    lastActivity.current = Date.now();
    setDeadline(null);
  }, []);

  return deadline !== null ? <IdleWarningDialog deadline={deadline} onExtend={extend} onExpired={wipe} /> : null;
}
