import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BackLink } from '../components/BackLink';
import { ScreenHeading } from '../components/ScreenHeading';
import { useDocumentTitle } from '../hooks/useDocumentTitle';

/** GOV.UK start page: what the resident will do, in order, before doing it. */
export function KioskStartScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('kiosk.startScreen'));

  return (
    <>
      <BackLink to="/kiosk" />
      <ScreenHeading>{t('kiosk.startTitle')}</ScreenHeading>
      <p className="lead">{t('kiosk.startLead')}</p>
      <ol className="steps">
        <li>{t('kiosk.stepChoose')}</li>
        <li>{t('kiosk.stepAnswer')}</li>
        <li>{t('kiosk.stepScan')}</li>
        <li>{t('kiosk.stepReceipt')}</li>
      </ol>
      <h2 className="heading-m">{t('kiosk.prepareHeading')}</h2>
      <p className="body">{t('kiosk.prepareBody')}</p>
      <button type="button" className="button button--start" onClick={() => void navigate('/kiosk/thu-tuc')}>
        {t('kiosk.chooseProcedure')}
      </button>
      <p className="body kiosk-help">{t('kiosk.help')}</p>
    </>
  );
}
