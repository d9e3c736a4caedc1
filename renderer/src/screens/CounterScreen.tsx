import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BackLink } from '../components/BackLink';
import { ScreenHeading } from '../components/ScreenHeading';
import { KioskCounterPanel } from '../counter/KioskCounterPanel';
import { formatDate } from '../format';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { DraftsList } from './DraftsList';

/** The counter's day: today's queue of dossiers (empty until dossiers exist). */
export function CounterScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('counter.screen'));
  const today = formatDate(new Date());

  return (
    <>
      <BackLink to="/" />
      <ScreenHeading>{t('counter.title')}</ScreenHeading>
      <Link to="/counter/thu-tuc" className="button button--start">
        {t('counter.newDossier')}
      </Link>
      <DraftsList />
      <KioskCounterPanel />
      <section className="queue" aria-labelledby="queue-title">
        <h2 id="queue-title" className="heading-m">
          {t('counter.queueHeading', { date: today })}
        </h2>
        <div className="empty-state">
          <p className="empty-state__title">{t('counter.emptyTitle')}</p>
          <p className="body">{t('counter.emptyBody')}</p>
        </div>
      </section>
    </>
  );
}
