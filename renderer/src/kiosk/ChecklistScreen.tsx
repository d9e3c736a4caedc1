import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ProcedureDefinition } from '../../../electron/contract/procedure';
import { api } from '../api';
import { BackLink } from '../components/BackLink';
import { ErrorPanel } from '../components/ErrorPanel';
import { ScreenHeading } from '../components/ScreenHeading';
import { formatDate } from '../format';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useSettings } from '../state/AppState';

/**
 * "Giấy tờ cần mang theo": the papers of one procedure as a list to print and take home, for a
 * resident who finds a paper missing at the kiosk. A print-styled page (kiosk-access.css hides
 * the header and toolbar, A4-friendly serif text): nothing personal is on it.
 */
export default function ChecklistScreen() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { settings } = useSettings();
  const [definition, setDefinition] = useState<ProcedureDefinition | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useDocumentTitle(t('kioskAccess.checklist.screen'));

  useEffect(() => {
    let live = true;
    api.catalogue
      .get({ code })
      .then((d) => live && setDefinition(d))
      .catch((error: unknown) => live && setFailure(error));
    return () => {
      live = false;
    };
  }, [code]);

  if (failure !== null)
    return (
      <>
        <BackLink to="/kiosk/thu-tuc" />
        <ScreenHeading>{t('kioskAccess.checklist.screen')}</ScreenHeading>
        <ErrorPanel error={failure} />
      </>
    );
  if (!definition) return <p className="body">{t('app.loading')}</p>;
  const documents = definition.documents.filter((d) => !d.fromForm);
  return (
    <div className="checklist-page">
      <BackLink to={`/kiosk/thu-tuc/${definition.code}`} />
      <ScreenHeading>{t('kioskAccess.checklist.title', { procedure: definition.name })}</ScreenHeading>
      <p className="lead">{t('kioskAccess.checklist.lead')}</p>
      <ul className="checklist">
        {documents.map((d) => (
          <li key={d.kind}>
            <span className="checklist__box" aria-hidden="true" />
            <strong>{d.name}</strong> — {d.required ? t('kioskAccess.checklist.required') : t('kioskAccess.checklist.ifApplies')}
            {d.originals > 0 && <>, {t('kioskAccess.checklist.originals', { count: d.originals })}</>}
            {d.copies > 0 && <>, {t('kioskAccess.checklist.copies', { count: d.copies })}</>}
            {d.handling === 'show' && <> ({t('kioskAccess.checklist.show')})</>}
            {d.note && <div className="hint">{d.note}</div>}
          </li>
        ))}
      </ul>
      <p className="body">
        {settings.unitName ? `${t('kioskAccess.checklist.printedAt', { unit: settings.unitName })} — ` : ''}
        {formatDate(new Date())}
      </p>
      <button type="button" className="button no-print" onClick={() => window.print()}>
        {t('kioskAccess.checklist.print')}
      </button>
    </div>
  );
}
