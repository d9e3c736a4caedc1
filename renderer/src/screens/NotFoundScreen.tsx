import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScreenHeading } from '../components/ScreenHeading';
import { useDocumentTitle } from '../hooks/useDocumentTitle';

export function NotFoundScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('common.notFoundTitle'));
  return (
    <>
      <ScreenHeading>{t('common.notFoundTitle')}</ScreenHeading>
      <p className="body">{t('common.notFoundBody')}</p>
      <p className="body">
        <Link to="/">{t('common.notFoundHome')}</Link>
      </p>
    </>
  );
}
