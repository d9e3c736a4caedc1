import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { BackLink } from '../../components/BackLink';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useKioskSession } from '../../kiosk/KioskSession';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { kioskPages } from '../../wizard/pages';
import { ProcedureFacts } from '../../wizard/ProcedureFacts';
import { useWizard } from '../../wizard/WizardContext';

/** GOV.UK start page of one procedure at the kiosk: what it is, what it needs, then "Bắt đầu". */
export default function KioskStartPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { definition, answers, to } = useWizard();
  const { store } = useKioskSession();
  useDocumentTitle(definition.name);
  const first = kioskPages(definition, answers)[0];
  return (
    <>
      <BackLink to="/kiosk/thu-tuc" />
      <ScreenHeading>{definition.name}</ScreenHeading>
      <p className="lead">{t('start.kioskLead', { count: kioskPages(definition, answers).length })}</p>
      <ProcedureFacts definition={definition} />
      <p className="body">{t('start.scanNote')}</p>
      <p className="body"><Link to={`/kiosk/giay-to/${definition.code}`}>{t('kioskAccess.checklist.link')}</Link></p>
      <button type="button" className="button button--start" onClick={() => void navigate(!store.hasConsent(definition.code) ? to('dong-y') : first ? to(`cau/${encodeURIComponent(first.path)}`) : to('kiem-tra'))}>
        {t('start.begin')}
      </button>
    </>
  );
}
