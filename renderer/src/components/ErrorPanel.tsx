import { useTranslation } from 'react-i18next';
import { errorText } from '../errors';
import { useLanguage } from '../hooks/useLanguage';

/** A call failed for a reason that is not a field's: say what happened, in plain words. */
export function ErrorPanel({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <div className="error-panel" role="alert">
      <h2 className="error-panel__title">{title ?? t('errors.panelTitle')}</h2>
      <p className="error-panel__body">{errorText(error, lang, t)}</p>
    </div>
  );
}
