import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ContractError } from '../../../electron/contract/index';
import { api } from '../api';
import { errorText } from '../errors';
import { useLanguage } from '../hooks/useLanguage';
import { useSession } from '../state/AppState';
import { ErrorPanel } from './ErrorPanel';
import { TextField } from './Field';
import { PinField } from './PinField';

/** Answers about what was typed, shown next to the field; anything else goes in a panel. */
const typedErrors = new Set([
  'KIOSK_CODE_INCORRECT',
  'KIOSK_CODE_NOT_SET',
  'VALIDATION_FAILED',
  'ACCOUNT_PIN_INCORRECT',
  'ACCOUNT_LOCKED',
  'ACCOUNT_SUPERVISOR_REQUIRED',
]);

type Method = 'code' | 'supervisor';
interface Problems {
  code?: string;
  username?: string;
  pin?: string;
  other?: unknown;
}

interface Props {
  onClose(): void;
  onExited(): void;
}

/**
 * Leaves kiosk mode, in a modal dialog (focus stays inside; Esc cancels): with the kiosk exit code,
 * or, once officials have accounts, with a supervisor's username and PIN. Both are checked by the
 * app, never here: the renderer knows neither.
 */
export function KioskExitDialog({ onClose, onExited }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { session } = useSession();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const firstFieldRef = useRef<HTMLInputElement>(null);
  const [method, setMethod] = useState<Method>('code');
  const [code, setCode] = useState('');
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    firstFieldRef.current?.focus();
    return () => {
      // Closing (not just removing) the dialog gives the focus back to the button that opened it.
      if (dialog?.open) dialog.close();
    };
  }, []);

  // A 'close' event is queued, not immediate: when the dialog was closed and shown again (React's
  // StrictMode remounts effects), a stale event must not dismiss the dialog that is open now.
  const closed = () => {
    if (!dialogRef.current?.open) onClose();
  };

  const missing = (): Problems => {
    if (method === 'code') return code.trim() === '' ? { code: t('kioskExit.codeRequired') } : {};
    return {
      ...(username.trim() === '' ? { username: t('signIn.usernameRequired') } : {}),
      ...(pin === '' ? { pin: t('signIn.pinRequired') } : {}),
    };
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found = missing();
    if (Object.keys(found).length > 0) {
      setProblems(found);
      firstFieldRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.kiosk.exit(method === 'code' ? { code: code.trim() } : { username: username.trim(), pin });
      onExited();
    } catch (error) {
      setPin('');
      const typed = error instanceof ContractError && typedErrors.has(error.code);
      setProblems(typed ? (method === 'code' ? { code: errorText(error, lang, t) } : { pin: errorText(error, lang, t) }) : { other: error });
      firstFieldRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const choose = (next: Method) => {
    setMethod(next);
    setProblems({});
  };

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby="kiosk-exit-title" aria-describedby="kiosk-exit-body" onClose={closed}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <h2 id="kiosk-exit-title" className="heading-l">
          {t('kioskExit.title')}
        </h2>
        <p id="kiosk-exit-body" className="body">
          {t(session.accountsExist ? 'kioskExit.bodyWithAccounts' : 'kioskExit.body')}
        </p>
        {problems.other !== undefined && <ErrorPanel error={problems.other} />}
        {session.accountsExist && (
          <fieldset className="fieldset">
            <legend className="fieldset__legend">{t('kioskExit.methodLegend')}</legend>
            <div className="radios">
              {(['code', 'supervisor'] as const).map((m) => (
                <div className="radios__item" key={m}>
                  <input id={`kiosk-exit-method-${m}`} className="radios__input" type="radio" name="method" value={m} checked={method === m} onChange={() => choose(m)} />
                  <label className="label radios__label" htmlFor={`kiosk-exit-method-${m}`}>
                    {t(m === 'code' ? 'kioskExit.methodCode' : 'kioskExit.methodSupervisor')}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        )}
        {method === 'code' ? (
          <PinField id="kiosk-exit-code" name="code" label={t('kioskExit.codeLabel')} error={problems.code} value={code} onChange={setCode} inputRef={firstFieldRef} />
        ) : (
          <>
            <TextField
              id="kiosk-exit-username"
              name="username"
              label={t('signIn.usernameLabel')}
              error={problems.username}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              inputRef={firstFieldRef}
            />
            <PinField id="kiosk-exit-pin" name="pin" label={t('signIn.pinLabel')} error={problems.pin} value={pin} onChange={setPin} />
          </>
        )}
        <div className="button-group">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {t('kioskExit.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('kioskExit.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
