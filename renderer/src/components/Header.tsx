import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api';
import { useSession, useSettings } from '../state/AppState';
import { KioskCancel } from '../kiosk/KioskCancel';
import { LinkStatusBar } from '../sync/LinkStatusBar';
import { KioskStaffExit } from './KioskStaffExit';

/**
 * Product and unit name on every screen. On kiosk screens the product name is not a link, and
 * with kiosk mode on the only controls are "Hủy và xóa" (during a resident's session) and the
 * officials' exit button.
 */
export function Header({ kioskScreen, inKioskSession }: { kioskScreen: boolean; inKioskSession: boolean }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const { session, replaceSession } = useSession();
  const navigate = useNavigate();
  // The signed-in official, on counter screens only: never on a kiosk screen.
  const official = kioskScreen ? null : session.account;
  const signOut = async () => {
    await api.accounts.logout();
    replaceSession({ account: null, accountsExist: true });
    void navigate('/');
  };
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
        <LinkStatusBar linkToQueue={!kioskScreen} />
        {official && (
          <div className="header__actions header__official">
            <span className="header__user">
              <span className="visually-hidden">{t('signIn.signedInAs')} </span>
              {official.displayName}
            </span>
            <button type="button" className="header-button" onClick={() => void signOut()}>
              {t('signIn.signOut')}
            </button>
          </div>
        )}
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
