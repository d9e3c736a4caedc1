import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** GOV.UK back link: always visible at the top of a screen, always says "Quay lại". */
export function BackLink({ to }: { to: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="back-link">
      {t('common.back')}
    </Link>
  );
}
