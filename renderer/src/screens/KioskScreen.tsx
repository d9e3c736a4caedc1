import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BackLink } from '../components/BackLink';
import { ScreenHeading } from '../components/ScreenHeading';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { KioskAttract } from '../kiosk/KioskAttract';
import { useSettings } from '../state/AppState';

/**
 * The kiosk's welcome: one question, one big button. With kiosk mode on there is no way back to
 * the staff screens from here (the officials' button is in the header).
 */
export function KioskScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { settings } = useSettings();
  useDocumentTitle(t('kiosk.screen'));

  return (
    <>
      {!settings.kioskMode && <BackLink to="/" />}
      <ScreenHeading>{t('kiosk.title')}</ScreenHeading>
      <p className="lead">{t('kiosk.lead')}</p>
      <button type="button" className="button button--start" onClick={() => void navigate('/kiosk/start')}>
        {t('kiosk.start')}
      </button>
      <h2 className="heading-m">{t('kiosk.resumeHeading')}</h2>
      <p className="body">{t('kiosk.resumeBody')}</p>
      <button type="button" className="button button--secondary" onClick={() => void navigate('/kiosk/tiep-tuc')}>
        {t('kiosk.resume')}
      </button>
      <button type="button" className="button button--secondary" onClick={() => void navigate('/kiosk/tra-cuu')}>
        {t('sync.lookup.start')}
      </button>
      <p className="body kiosk-help">{t('kiosk.help')}</p>
      <KioskAttract />
    </>
  );
}
