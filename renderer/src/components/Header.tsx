import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSettings } from '../state/AppState';
import { KioskStaffExit } from './KioskStaffExit';

/**
 * Product and unit name on every screen. On kiosk screens the product name is not a link, and
 * with kiosk mode on the only control is the officials' exit button.
 */
export function Header({ kioskScreen }: { kioskScreen: boolean }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const locked = kioskScreen && settings.kioskMode;
  const unitName = settings.unitName.trim();
  return (
    <header className="header">
      <div className="header__inner">
        <div className="header__names">
          {kioskScreen ? (
            <span className="header__product">{t('app.name')}</span>
          ) : (
            <Link to="/" className="header__product header__product--link">
              {t('app.name')}
            </Link>
          )}
          {unitName !== '' && <span className="header__unit">{unitName}</span>}
        </div>
        {locked && <KioskStaffExit />}
      </div>
    </header>
  );
}
