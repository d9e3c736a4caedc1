import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueueItem } from '../../../electron/contract/index';
import { api } from '../api';
import { BackLink } from '../components/BackLink';
import { ErrorPanel } from '../components/ErrorPanel';
import { ScreenHeading } from '../components/ScreenHeading';
import { formatDate, formatTime } from '../format';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useLanguage } from '../hooks/useLanguage';
import { stateLabel } from './stateLabel';
import { useLinkStatus } from './useLinkStatus';

function when(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return `${formatDate(d)} ${formatTime(d)}`;
}

/** The officials' view of the outbox: per dossier its state, attempts, last error with what to do, and "Gửi lại". */
export default function SyncQueueScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  useDocumentTitle(t('sync.queue.screen'));
  const status = useLinkStatus();
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(() => {
    api.sync.queue({}).then(
      (r) => setItems(r.items),
      (error: unknown) => setFailure(error),
    );
  }, []);
  useEffect(load, [load, status]);
  const retry = async (dossierId?: string) => {
    try {
      const { due } = await api.sync.retryNow(dossierId ? { dossierId } : {});
      setNotice(t('sync.queue.retried', { count: due }));
      load();
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <>
      <BackLink to="/counter" />
      <ScreenHeading>{t('sync.queue.title')}</ScreenHeading>
      <p className="lead">{t('sync.queue.lead')}</p>
      {failure !== null && <ErrorPanel error={failure} />}
      {notice && (
        <p className="body" role="status">
          {notice}
        </p>
      )}
      {items && items.length === 0 && <p className="body">{t('sync.queue.empty')}</p>}
      {items && items.length > 0 && (
        <>
          <button type="button" className="button button--secondary" onClick={() => void retry()}>
            {t('sync.queue.retryAll')}
          </button>
          <table className="table sync-queue">
            <caption className="visually-hidden">{t('sync.queue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sync.queue.reference')}</th>
                <th scope="col">{t('sync.queue.state')}</th>
                <th scope="col">{t('sync.queue.attempts')}</th>
                <th scope="col">{t('sync.queue.lastError')}</th>
                <th scope="col">{t('sync.queue.action')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.dossierId} className={item.outboxStatus === 'needs_person' ? 'sync-queue__row--person' : undefined}>
                  <td>
                    <Link to={`/counter/ho-so/${item.dossierId}`}>{item.dossierCode ?? item.localReference}</Link>
                    <div className="body-s">{item.procedureName}</div>
                  </td>
                  <td>
                    <strong className={`tag tag--${item.outboxStatus}`}>{t(`sync.outbox.${item.outboxStatus}`)}</strong>
                    <div className="body-s">{stateLabel(t, item.state)}</div>
                    {item.nextAttemptAt && <div className="body-s">{t('sync.queue.next', { at: when(item.nextAttemptAt) })}</div>}
                  </td>
                  <td>
                    {item.attempts}
                    <div className="body-s">{when(item.lastAttemptAt)}</div>
                  </td>
                  <td>
                    {item.lastError ? (
                      <>
                        <p className="body-s">{lang === 'vi' ? item.lastError.message_vi : item.lastError.message_en}</p>
                        <p className="body-s">
                          <strong>{t('sync.queue.whatToDo')}</strong> {lang === 'vi' ? item.lastError.action_vi : item.lastError.action_en}
                        </p>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <button type="button" className="button button--secondary button--small" onClick={() => void retry(item.dossierId)} aria-label={t('sync.queue.retryOne', { ref: item.dossierCode ?? item.localReference })}>
                      {t('sync.queue.retry')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
