import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors';
import { useLanguage } from '../hooks/useLanguage';

/** Shown when the settings cannot be read at start: the app is not reachable, say so plainly. */
export function StartupError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const title = t('app.startupErrorTitle');
  useEffect(() => {
    document.title = t('app.errorTitlePrefix', { title: t('app.documentTitle', { screen: title }) });
  }, [t, title]);
  return (
    <div className="page">
      <main id="main" className="main">
        <h1 className="heading-xl">{title}</h1>
        <div className="error-panel" role="alert">
          <p className="error-panel__body">{t('app.startupErrorBody')}</p>
          <p className="body-s">{t('app.startupErrorDetail', { message: errorText(error, lang, t) })}</p>
        </div>
      </main>
    </div>
  );
}
