import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpCall } from '../../../electron/contract/kioskAssist';
import { api } from '../api';
import { formatIsoDate, formatTime } from '../format';
import { playWarningTone } from '../kiosk/tone';

/** How often the counter looks for new calls and figures: a resident waits seconds, not minutes. */
const pollMs = 3000;

interface Figures {
  day: string;
  count: number;
  average: number | null;
  byScore: number[];
  comments: number;
}

/**
 * The counter's view of its kiosks: help calls (seen and heard: a bordered alert and the warning
 * tone when a new one arrives; it stays until an official acknowledges it) and today's
 * satisfaction figures.
 */
export function KioskCounterPanel() {
  const { t } = useTranslation();
  const [calls, setCalls] = useState<HelpCall[]>([]);
  const [listening, setListening] = useState(true);
  const [figures, setFigures] = useState<Figures | null>(null);
  const heard = useRef(new Set<string>());

  const refresh = useCallback(async () => {
    try {
      const [list, today] = await Promise.all([api.kioskAssist.helpCalls(), api.kioskAssist.todayRatings()]);
      setCalls(list.calls);
      setListening(list.listening);
      setFigures(today);
      const fresh = list.calls.filter((c) => c.acknowledgedAt === null && !heard.current.has(c.id));
      for (const c of fresh) heard.current.add(c.id);
      if (fresh.length > 0) playWarningTone();
    } catch {
      // The next poll tries again; the panel keeps what it showed.
    }
  }, []);

  useEffect(() => {
    const first = setTimeout(() => void refresh(), 0);
    const timer = setInterval(() => void refresh(), pollMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [refresh]);

  const acknowledge = async (id: string) => {
    await api.kioskAssist.acknowledge({ id });
    await refresh();
  };

  const open = calls.filter((c) => c.acknowledgedAt === null);
  return (
    <>
      <section aria-labelledby="help-calls-title">
        <h2 id="help-calls-title" className="heading-m">
          {t('kioskAccess.counter.callsHeading')}
        </h2>
        <div role="alert">
          {open.map((c) => (
            <div className="help-call" key={c.id}>
              <p className="help-call__text">{t('kioskAccess.counter.callAlert', { kiosk: c.kioskName, time: formatTime(new Date(c.raisedAt)) })}</p>
              <button type="button" className="button" onClick={() => void acknowledge(c.id)}>
                {t('kioskAccess.counter.acknowledge')}
              </button>
            </div>
          ))}
        </div>
        {calls
          .filter((c) => c.acknowledgedAt !== null)
          .slice(0, 3)
          .map((c) => (
            <div className="help-call help-call--done" key={c.id}>
              <p className="help-call__text">{c.kioskName}</p>
              <p className="body">{t('kioskAccess.counter.acknowledged', { time: formatTime(new Date(c.acknowledgedAt!)) })}</p>
            </div>
          ))}
        {calls.length === 0 && <p className="body">{listening ? t('kioskAccess.counter.noCalls') : t('kioskAccess.counter.notListening')}</p>}
      </section>
      {figures && (
        <section aria-labelledby="ratings-title">
          <h2 id="ratings-title" className="heading-m">
            {t('kioskAccess.counter.ratingsHeading', { date: formatIsoDate(figures.day) })}
          </h2>
          <dl className="facts" data-testid="ratings-today">
            <div className="facts__row">
              <dt className="facts__key">{t('kioskAccess.counter.ratingsCount')}</dt>
              <dd className="facts__value">{figures.count}</dd>
            </div>
            <div className="facts__row">
              <dt className="facts__key">{t('kioskAccess.counter.ratingsAverage')}</dt>
              <dd className="facts__value">{figures.average === null ? t('kioskAccess.counter.ratingsNone') : figures.average.toLocaleString('vi-VN')}</dd>
            </div>
            <div className="facts__row">
              <dt className="facts__key">{t('kioskAccess.counter.ratingsComments')}</dt>
              <dd className="facts__value">{figures.comments}</dd>
            </div>
          </dl>
          <table className="figures">
            <thead>
              <tr>
                <th scope="col">{t('kioskAccess.counter.ratingsScore')}</th>
                <th scope="col">{t('kioskAccess.counter.ratingsTimes')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.byScore.map((n, i) => (
                <tr key={i}>
                  <th scope="row">{t(`kioskAccess.rating.score${(i + 1) as 1 | 2 | 3 | 4 | 5}`)}</th>
                  <td>{n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
