import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookupResult } from '../../../electron/contract/index';
import { api } from '../api';
import { BackLink } from '../components/BackLink';
import { ErrorMessage } from '../components/ErrorMessage';
import { ScreenHeading } from '../components/ScreenHeading';
import { errorText } from '../errors';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useLanguage } from '../hooks/useLanguage';
import { StatusHistory } from './StatusHistory';

/**
 * "Tra cứu hồ sơ" at the kiosk: type the code from the receipt, or hold the receipt's QR code to the
 * reader (a keyboard-wedge reader types `MOTCUA:<code>` and Enter into the focused field).
 * Shows the status and its history only: no names, no answers.
 */
export default function KioskLookupScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<LookupResult | null>(null);
  useDocumentTitle(error ? `${t('sync.lookup.errorPrefix')} ${t('sync.lookup.screen')}` : t('sync.lookup.screen'));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    if (code.trim().length < 3) {
      setError(t('sync.lookup.required'));
      return;
    }
    try {
      setResult(await api.sync.lookup({ code }));
      setError(null);
    } catch (failure) {
      setError(errorText(failure, lang, t));
    }
  };
  return (
    <>
      <BackLink to="/kiosk" />
      <ScreenHeading>{t('sync.lookup.title')}</ScreenHeading>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className={error ? 'form-group form-group--error' : 'form-group'}>
          <label className="label" htmlFor="lookup-code">
            {t('sync.lookup.label')}
          </label>
          <div id="lookup-code-hint" className="hint">
            {t('sync.lookup.hint')}
          </div>
          {error && <ErrorMessage id="lookup-code-error">{error}</ErrorMessage>}
          <input
            id="lookup-code"
            name="code"
            className={`input input--full${error ? ' input--error' : ''}`}
            value={code}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setCode(e.target.value)}
            aria-describedby={error ? 'lookup-code-hint lookup-code-error' : 'lookup-code-hint'}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <button type="submit" className="button">
          {t('sync.lookup.submit')}
        </button>
      </form>
      {result && <StatusHistory result={result} />}
    </>
  );
}
