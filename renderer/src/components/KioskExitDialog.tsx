import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ContractError } from '../../../electron/contract/index';
import { api } from '../api';
import { errorText } from '../errors';
import { useLanguage } from '../hooks/useLanguage';
import { ErrorMessage } from './ErrorMessage';
import { ErrorPanel } from './ErrorPanel';
import { describedBy } from './fieldIds';

/** Errors that are about the code typed, shown next to the field; anything else goes in a panel. */
const codeErrors = new Set(['KIOSK_CODE_INCORRECT', 'KIOSK_CODE_NOT_SET', 'VALIDATION_FAILED']);

type Problem = { kind: 'empty' } | { kind: 'code'; error: ContractError } | { kind: 'other'; error: unknown };

interface Props {
  onClose(): void;
  onExited(): void;
}

/**
 * Asks the official for the kiosk exit code, in a modal dialog (focus stays inside; Esc cancels).
 * The code is checked by the app, never here: the renderer does not know it.
 */
export function KioskExitDialog({ onClose, onExited }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    inputRef.current?.focus();
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

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (code.trim() === '') {
      setProblem({ kind: 'empty' });
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.kiosk.exit({ code: code.trim() });
      onExited();
    } catch (error) {
      setProblem(error instanceof ContractError && codeErrors.has(error.code) ? { kind: 'code', error } : { kind: 'other', error });
      inputRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const fieldError =
    problem?.kind === 'empty' ? t('kioskExit.codeRequired') : problem?.kind === 'code' ? errorText(problem.error, lang, t) : undefined;
  const errorId = fieldError ? 'kiosk-exit-code-error' : undefined;

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby="kiosk-exit-title" aria-describedby="kiosk-exit-body" onClose={closed}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <h2 id="kiosk-exit-title" className="heading-l">
          {t('kioskExit.title')}
        </h2>
        <p id="kiosk-exit-body" className="body">
          {t('kioskExit.body')}
        </p>
        {problem?.kind === 'other' && <ErrorPanel error={problem.error} />}
        <div className={fieldError ? 'form-group form-group--error' : 'form-group'}>
          <label className="label" htmlFor="kiosk-exit-code">
            {t('kioskExit.codeLabel')}
          </label>
          {errorId && fieldError && <ErrorMessage id={errorId}>{fieldError}</ErrorMessage>}
          <input
            ref={inputRef}
            id="kiosk-exit-code"
            name="code"
            className={`input input--code${fieldError ? ' input--error' : ''}`}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            aria-describedby={describedBy(errorId)}
            aria-invalid={fieldError ? true : undefined}
          />
        </div>
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
