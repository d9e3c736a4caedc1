import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Skip to main content". The app uses hash routing, so a plain `#main` would be taken for a
 * route: move the focus ourselves instead.
 */
export function SkipLink() {
  const { t } = useTranslation();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  };
  return (
    <a href="#main" className="skip-link" onClick={skip}>
      {t('app.skipLink')}
    </a>
  );
}
