import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { playWarningTone } from './tone';

interface Props {
  /** When the session is wiped (ms since the epoch). */
  deadline: number;
  onExtend(): void;
  onExpired(): void;
}

function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/**
 * "Bạn còn đó không?": a modal alert dialog with the time left before the wipe, a beep, and one
 * big button that gives the resident their full time again (Esc does the same).
 */
export function IdleWarningDialog({ deadline, onExtend, onExpired }: Props) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [now, setNow] = useState(() => Date.now());
  const expiredRef = useRef(onExpired);
  useEffect(() => {
    expiredRef.current = onExpired;
  }, [onExpired]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    buttonRef.current?.focus();
    playWarningTone();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  // The countdown, and the wipe when it reaches zero (checked on every tick and by its own timer).
  useEffect(() => {
    let done = false;
    const expire = () => {
      if (done) return;
      done = true;
      expiredRef.current();
    };
    const tick = () => {
      const at = Date.now();
      setNow(at);
      if (at >= deadline) expire();
    };
    const interval = setInterval(tick, 1000);
    const timeout = setTimeout(expire, Math.max(0, deadline - Date.now()));
    return () => {
      clearInterval(interval);
      clearTimeout(timeout);
    };
  }, [deadline]);

  const cancel = (event: SyntheticEvent) => {
    event.preventDefault();
    onExtend();
  };

  const seconds = secondsLeft(deadline, now);
  return (
    <dialog ref={dialogRef} role="alertdialog" className="dialog idle-dialog" aria-labelledby="idle-title" aria-describedby="idle-body" onCancel={cancel}>
      <h2 id="idle-title" className="heading-l">
        {t('idle.title')}
      </h2>
      <div id="idle-body">
        <p className="body">{t('idle.body')}</p>
        <p className="idle-dialog__countdown">{t('idle.countdown', { count: seconds })}</p>
      </div>
      <button ref={buttonRef} type="button" className="button button--start idle-dialog__button" onClick={onExtend}>
        {t('idle.extend')}
      </button>
    </dialog>
  );
}
