import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { LookupResult } from '../../../electron/contract/index';
import { api } from '../api';
import { BackLink } from '../components/BackLink';
import { ErrorPanel } from '../components/ErrorPanel';
import { ScreenHeading } from '../components/ScreenHeading';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { StatusHistory } from './StatusHistory';

/** One dossier's status history, for the official (from the sending queue). */
export default function DossierStatusScreen() {
  const { t } = useTranslation();
  const { dossierId = '' } = useParams();
  useDocumentTitle(t('sync.history.screen'));
  const [result, setResult] = useState<(LookupResult & { procedureName: string }) | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    api.dossiers.get({ id: dossierId }).then(
      (d) => setResult({ dossierCode: d.dossierCode, localReference: d.localReference, procedureName: d.procedureName, state: d.state, appointmentDate: d.appointmentDate, history: d.history }),
      (error: unknown) => setFailure(error),
    );
  }, [dossierId]);
  return (
    <>
      <BackLink to="/counter/gui-ho-so" />
      <ScreenHeading>{result ? result.procedureName : t('sync.history.screen')}</ScreenHeading>
      {failure !== null && <ErrorPanel error={failure} />}
      {result && <StatusHistory result={result} />}
    </>
  );
}
