import '../styles/sync.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatTime } from '../format';
import { useLinkStatus } from './useLinkStatus';

/**
 * Always in the header: whether the receiving system answers (a real probe, not the network cable),
 * how many dossiers wait, and when the last one went through. Officials get a link to the queue.
 */
export function LinkStatusBar({ linkToQueue }: { linkToQueue: boolean }) {
  const { t } = useTranslation();
  const status = useLinkStatus();
  if (!status) return null;
  const last = status.lastSuccessAt ? new Date(status.lastSuccessAt) : null;
  const queued = t('sync.bar.queued', { count: status.queued });
  return (
    <div className={`link-status link-status--${status.link}`} role="status" aria-live="polite" data-testid="link-status">
      <span className="link-status__dot" aria-hidden="true" />
      <span className="link-status__state">{t(`sync.link.${status.link}`)}</span>
      <span className="link-status__sep" aria-hidden="true">·</span>
      {linkToQueue ? <Link to="/counter/gui-ho-so" className="link-status__queue">{queued}</Link> : <span>{queued}</span>}
      {status.needsPerson > 0 && (
        <>
          <span className="link-status__sep" aria-hidden="true">·</span>
          <span className="link-status__problem">{t('sync.bar.needsPerson', { count: status.needsPerson })}</span>
        </>
      )}
      <span className="link-status__sep" aria-hidden="true">·</span>
      <span>{last ? t('sync.bar.lastSuccess', { date: formatDate(last), time: formatTime(last) }) : t('sync.bar.neverSent')}</span>
    </div>
  );
}
