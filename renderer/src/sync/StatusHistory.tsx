import { useTranslation } from 'react-i18next';
import type { LookupResult } from '../../../electron/contract/index';
import { formatDate, formatIsoDate, formatTime } from '../format';
import { stateLabel } from './stateLabel';

/** A dossier's status and its history, newest first: shared by the officials' view and the kiosk look-up. */
export function StatusHistory({ result }: { result: LookupResult }) {
  const { t } = useTranslation();
  return (
    <section className="status-history" aria-labelledby="status-history-title">
      <div className="panel panel--status">
        <p className="panel__label">{t('sync.history.current')}</p>
        <p className="panel__value" data-testid="current-state">{stateLabel(t, result.state)}</p>
        <p className="body-s">{t('sync.history.code', { code: result.dossierCode ?? t('sync.history.noCode') })}</p>
        <p className="body-s">{t('sync.history.reference', { ref: result.localReference })}</p>
        <p className="body-s">{t('sync.history.appointment', { date: formatIsoDate(result.appointmentDate) })}</p>
      </div>
      <h2 id="status-history-title" className="heading-m">
        {t('sync.history.heading')}
      </h2>
      <ol className="timeline">
        {[...result.history].reverse().map((h, i) => {
          const at = new Date(h.at);
          return (
            <li key={`${h.at}-${i}`} className="timeline__item">
              <strong>{stateLabel(t, h.state)}</strong>
              <span className="body-s"> — {formatDate(at)} {formatTime(at)}</span>
              {h.note && <p className="body-s">{h.note}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
