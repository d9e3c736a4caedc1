import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ProcedureSummary, SearchResult } from '../../../../electron/contract/catalogue';
import { api } from '../../api';
import { BackLink } from '../../components/BackLink';
import { KioskKeyboard } from '../../keyboard/KioskKeyboard';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { wizardPath, type WizardMode } from '../../wizard/WizardContext';

const searchDelayMs = 150;

type Results = { query: string; results: SearchResult[] } | null;

/** Searches as the reader types (150 ms after the last key), through the app's ranked search. */
function useSearch(query: string): { results: Results; error: unknown } {
  const [state, setState] = useState<{ results: Results; error: unknown }>({ results: null, error: null });
  useEffect(() => {
    const trimmed = query.trim();
    let current = true;
    const timer = setTimeout(
      () => {
        if (trimmed === '') {
          setState({ results: null, error: null });
          return;
        }
        api.catalogue.search({ query: trimmed, limit: 8 }).then(
          (r) => current && setState({ results: { query: trimmed, results: r.results }, error: null }),
          (error: unknown) => current && setState({ results: null, error }),
        );
      },
      trimmed === '' ? 0 : searchDelayMs,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);
  return state;
}

function useCatalogue(): ProcedureSummary[] {
  const [list, setList] = useState<ProcedureSummary[]>([]);
  useEffect(() => {
    let current = true;
    api.catalogue.list().then(
      (r) => current && setList(r.procedures),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return list;
}

/**
 * "Chọn thủ tục": a search box in the resident's own words. At the kiosk the results are big
 * buttons with the whole catalogue below; at the counter the box has the focus and Enter opens the
 * first result.
 */
export default function ChooseProcedureScreen({ mode }: { mode: WizardMode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const { results, error } = useSearch(query);
  const catalogue = useCatalogue();
  const inputRef = useRef<HTMLInputElement>(null);
  const kiosk = mode === 'kiosk';
  useDocumentTitle(t('choose.screen'));

  useEffect(() => {
    if (!kiosk) inputRef.current?.focus();
  }, [kiosk]);

  const open = (code: string) => void navigate(wizardPath(mode, code, null));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const first = results?.results[0];
    if (first) open(first.code);
  };

  const resultClass = kiosk ? 'choice-list choice-list--big' : 'choice-list';
  return (
    <>
      <BackLink to={kiosk ? '/kiosk/start' : '/counter'} />
      <form role="search" onSubmit={submit} className="search-form">
        <ScreenHeading>
          <label className="label label--page" htmlFor="procedure-search">
            {kiosk ? t('choose.kioskTitle') : t('choose.counterTitle')}
          </label>
        </ScreenHeading>
        <div id="procedure-search-hint" className="hint">
          {t('choose.hint')}
        </div>
        <input
          ref={inputRef}
          id="procedure-search"
          className="input input--full input--search"
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-describedby="procedure-search-hint"
        />
      </form>
      {kiosk && <KioskKeyboard />}
      {error !== null && <ErrorPanel error={error} />}
      <div role="status" className="search-status">
        {results && (results.results.length === 0 ? t('choose.noResults', { query: results.query }) : t('choose.resultCount', { count: results.results.length }))}
      </div>
      {results && results.results.length > 0 && (
        <ul className={resultClass} aria-label={t('choose.resultsLabel')}>
          {results.results.map((r) => (
            <li key={r.code}>
              <Link to={wizardPath(mode, r.code, null)} className="choice-list__link">
                <span className="choice-list__name">{r.name}</span>
                <span className="choice-list__meta">
                  {r.sector} · {t('choose.code', { code: r.code })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {catalogue.length > 0 && (
        <section aria-labelledby="common-procedures">
          <h2 id="common-procedures" className="heading-m">
            {t('choose.commonHeading')}
          </h2>
          <ul className={resultClass}>
            {catalogue.map((p) => (
              <li key={p.code}>
                <Link to={wizardPath(mode, p.code, null)} className="choice-list__link">
                  <span className="choice-list__name">{p.name}</span>
                  <span className="choice-list__meta">{p.sector}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
