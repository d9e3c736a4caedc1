import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSettings } from '../state/AppState';
import { KioskCancel } from '../kiosk/KioskCancel';
import { KioskStaffExit } from './KioskStaffExit';

/**
 * Product and unit name on every screen. On kiosk screens the product name is not a link, and
 * with kiosk mode on the only controls are "Hủy và xóa" (during a resident's session) and the
 * officials' exit button.
 */
export function Header({ kioskScreen, inKioskSession }: { kioskScreen: boolean; inKioskSession: boolean }) {
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
        {(inKioskSession || locked) && (
          <div className="header__actions">
            {inKioskSession && <KioskCancel />}
            {locked && <KioskStaffExit />}
          </div>
        )}
      </div>
    </header>
  );
}
