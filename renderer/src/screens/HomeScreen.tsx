import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotificationBanner } from '../components/NotificationBanner';
import { ScreenHeading } from '../components/ScreenHeading';
import { errorText } from '../errors';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useLanguage } from '../hooks/useLanguage';
import { useAppInfo, useSettings, type InfoState } from '../state/AppState';

function AppStatus({ info }: { info: InfoState }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (info.status === 'loading') return <p className="body-s">{t('home.statusLoading')}</p>;
  if (info.status === 'failed') {
    return <p className="body-s status-line--problem">{t('home.infoError', { message: errorText(info.error, lang, t) })}</p>;
  }
  const { version, dbIntegrity } = info.info;
  return (
    <>
      <p className="body-s">{t('home.version', { version })}</p>
      {dbIntegrity === 'ok' ? (
        <p className="body-s">{t('home.dbOk')}</p>
      ) : (
        <p className="body-s status-line--problem">{t('home.dbProblem', { detail: dbIntegrity })}</p>
      )}
    </>
  );
}

/** Where the day starts: which way of working, and whether the app is healthy. */
export function HomeScreen() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const info = useAppInfo();
  useDocumentTitle(t('home.screen'));
  const unitName = settings.unitName.trim();

  return (
    <>
      <ScreenHeading>{t('home.title')}</ScreenHeading>
      {unitName !== '' ? (
        <p className="lead">{unitName}</p>
      ) : (
        <p className="lead">
          {t('home.unitMissing')} <Link to="/settings">{t('home.unitMissingLink')}</Link>
        </p>
      )}

      {info.status === 'ready' && info.info.recoveredFromCrash && (
        <NotificationBanner id="recovered" title={t('home.recoveredTitle')}>
          <p className="notification-banner__heading">{t('home.recoveredBody')}</p>
        </NotificationBanner>
      )}

      <h2 className="heading-m">{t('home.modesHeading')}</h2>
      <ul className="mode-cards">
        <ModeCard id="counter" to="/counter" title={t('home.counterTitle')} description={t('home.counterDescription')} />
        <ModeCard id="kiosk" to="/kiosk" title={t('home.kioskTitle')} description={t('home.kioskDescription')} />
      </ul>

      <p>
        <Link to="/settings" className="settings-link">
          {t('home.settingsLink')}
        </Link>
      </p>

      <section className="app-status" aria-labelledby="app-status-title">
        <h2 id="app-status-title" className="heading-s">
          {t('home.statusHeading')}
        </h2>
        <AppStatus info={info} />
      </section>
    </>
  );
}

/** One of the two ways of working: the whole card is the link; the description is read after its name. */
function ModeCard({ id, to, title, description }: { id: string; to: string; title: string; description: string }) {
  const descriptionId = `mode-${id}-description`;
  return (
    <li className="mode-card">
      <h3 className="mode-card__title">
        <Link to={to} className="mode-card__link" aria-describedby={descriptionId}>
          {title}
        </Link>
      </h3>
      <p id={descriptionId} className="mode-card__description">
        {description}
      </p>
    </li>
  );
}
