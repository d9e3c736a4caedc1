import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { draftSummarySchema } from '../../../electron/contract/drafts';
import { api } from '../api';
import { ErrorPanel } from '../components/ErrorPanel';
import { TextField } from '../components/Field';
import { formatDate, formatTime } from '../format';
import { wizardPath } from '../wizard/WizardContext';

type DraftSummary = z.infer<typeof draftSummarySchema>;

/** "Hồ sơ đang làm dở": drafts saved on this machine, newest first, each one click from where it was left. */
export function DraftsList() {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  // The CCCD number typed, and the one the list is filtered by (set on "Tìm").
  const [idNumber, setIdNumber] = useState('');
  const [filter, setFilter] = useState<string | null>(null);
  const [filterError, setFilterError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    api.drafts.list(filter === null ? {} : { idNumber: filter }).then(
      (r) => current && setDrafts(r.drafts),
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [filter]);
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const typed = idNumber.replace(/\s/g, '');
    if (typed === '') {
      setFilterError(null);
      setFilter(null);
    } else if (!/^\d{12}$/.test(typed)) {
      setFilterError(t('drafts.idNumberFormat'));
    } else {
      setFilterError(null);
      setFilter(typed);
    }
  };
  return (
    <section className="drafts" aria-labelledby="drafts-title">
      <h2 id="drafts-title" className="heading-m">
        {t('drafts.heading')}
      </h2>
      {failure !== null && <ErrorPanel error={failure} />}
      <form className="drafts__search" role="search" noValidate onSubmit={search}>
        <TextField
          id="drafts-cccd"
          name="idNumber"
          label={t('drafts.searchLabel')}
          hint={t('drafts.searchHint')}
          error={filterError ?? undefined}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          width="code"
          value={idNumber}
          onChange={(event) => setIdNumber(event.target.value)}
        />
        <button type="submit" className="button button--secondary">
          {t('drafts.search')}
        </button>
      </form>
      {drafts && drafts.length === 0 && <p className="body">{t(filter === null ? 'drafts.empty' : 'drafts.noneForIdNumber')}</p>}
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
