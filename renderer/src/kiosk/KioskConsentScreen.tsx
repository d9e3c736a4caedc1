import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BackLink } from '../components/BackLink';
import { ScreenHeading } from '../components/ScreenHeading';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { kioskPages } from '../wizard/pages';
import { useWizard } from '../wizard/WizardContext';
import { useKioskSession } from './KioskSession';

/**
 * "Đồng ý cho phép xử lý dữ liệu cá nhân", between a procedure's start page and its first question
 * (Personal Data Protection Law 91/2025/QH15: consent is an explicit act, never silence or a
 * pre-ticked box). What is collected, why, where it goes, how long it stays, the resident's rights;
 * then "Tôi đồng ý" or "Không đồng ý". Consent lives in the session only; refusing collects nothing.
 */
export default function KioskConsentScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { store, wipe } = useKioskSession();
  const { definition, answers, draft, to } = useWizard();
  useDocumentTitle(t('consent.title'));

  const agree = () => {
    store.consent(definition.code);
    if (draft.id) {
      // A resumed draft: on to its first unanswered question.
      void navigate(to('tiep-tuc'), { replace: true });
      return;
    }
    const first = kioskPages(definition, answers)[0];
    void navigate(first ? to(`cau/${encodeURIComponent(first.path)}`) : to('kiem-tra'), { replace: true });
  };

  const agency = definition.agency.name;
  return (
    <>
      <BackLink to={draft.id ? '/kiosk' : to()} />
      <ScreenHeading>{t('consent.title')}</ScreenHeading>
      <p className="lead">{t('consent.lead', { procedure: definition.name })}</p>
      <h2 className="heading-m">{t('consent.whatHeading')}</h2>
      <p className="body">{t('consent.what')}</p>
      <h2 className="heading-m">{t('consent.whyHeading')}</h2>
      <p className="body">{t('consent.why', { agency })}</p>
      <h2 className="heading-m">{t('consent.whereHeading')}</h2>
      <p className="body">{t('consent.where', { agency })}</p>
      <h2 className="heading-m">{t('consent.keptHeading')}</h2>
      <p className="body">{t('consent.kept')}</p>
      <h2 className="heading-m">{t('consent.rightsHeading')}</h2>
      <p className="body">{t('consent.rights')}</p>
      <p className="body">{t('consent.refuseNote')}</p>
      <div className="button-group">
        <button type="button" className="button button--start" onClick={agree}>
          {t('consent.agree')}
        </button>
        <button type="button" className="button button--secondary" onClick={wipe}>
          {t('consent.refuse')}
        </button>
      </div>
    </>
  );
}
