import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { draftSummarySchema } from '../../../electron/contract/drafts';
import { api } from '../api';
import { ErrorPanel } from '../components/ErrorPanel';
import { formatDate, formatTime } from '../format';
import { wizardPath } from '../wizard/WizardContext';

type DraftSummary = z.infer<typeof draftSummarySchema>;

/** "Hồ sơ đang làm dở": drafts saved on this machine, newest first, each one click from where it was left. */
export function DraftsList() {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    api.drafts.list().then(
      (r) => current && setDrafts(r.drafts),
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, []);
  return (
    <section className="drafts" aria-labelledby="drafts-title">
      <h2 id="drafts-title" className="heading-m">
        {t('drafts.heading')}
      </h2>
      {failure !== null && <ErrorPanel error={failure} />}
      {drafts && drafts.length === 0 && <p className="body">{t('drafts.empty')}</p>}
      {drafts && drafts.length > 0 && (
        <ul className="drafts__list">
          {drafts.map((d) => {
            const at = new Date(d.updatedAt);
            return (
              <li key={d.id} className="drafts__item">
                <Link to={wizardPath('counter', d.procedureCode, d.id)}>{d.applicantName ? `${d.procedureName} — ${d.applicantName}` : d.procedureName}</Link>
                <span className="drafts__meta">
                  {t('drafts.updated', { date: formatDate(at), time: formatTime(at) })}
                  {d.mode === 'kiosk' && ` · ${t('drafts.fromKiosk', { code: d.retrievalCode ?? '' })}`}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
