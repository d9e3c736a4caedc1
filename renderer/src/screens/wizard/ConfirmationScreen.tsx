import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import type { Dossier } from '../../../../electron/contract/dossiers';
import { api } from '../../api';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ScreenHeading } from '../../components/ScreenHeading';
import { formatIsoDate, formatVnd } from '../../format';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useKioskSession } from '../../kiosk/KioskSession';
import { KioskRating } from '../../kiosk/KioskRating';
import type { WizardMode } from '../../wizard/WizardContext';
import { useReceipt } from './receiptLink';

type PrintState =
  | { status: 'idle' | 'printing' }
  | { status: 'printed'; printer: string | null }
  | { status: 'not-printed'; reason: 'no_printer' | 'printer_not_found' | 'printed' }
  | { status: 'failed'; error: unknown };

/**
 * GOV.UK confirmation page: the reference in a green panel, what happens next, the receipt. At the
 * kiosk only the dossier this session submitted is shown, and "Hoàn tất" wipes the session.
 */
export default function ConfirmationScreen({ mode }: { mode: WizardMode }) {
  const { dossierId = '' } = useParams();
  const { store } = useKioskSession();
  if (mode === 'kiosk' && !store.owns(dossierId)) return <Navigate to="/kiosk" replace />;
  return <ConfirmationLoader mode={mode} dossierId={dossierId} />;
}

function ConfirmationLoader({ mode, dossierId }: { mode: WizardMode; dossierId: string }) {
  const { t } = useTranslation();
  const [dossier, setDossier] = useState<Dossier | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useDocumentTitle(t('confirmation.title'));

  useEffect(() => {
    let current = true;
    api.dossiers.get({ id: dossierId }).then(
      (d) => current && setDossier(d),
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [dossierId]);

  if (failure !== null) {
    return (
      <>
        <ScreenHeading>{t('confirmation.title')}</ScreenHeading>
        <ErrorPanel error={failure} />
      </>
    );
  }
  if (!dossier) return <p className="body">{t('app.loading')}</p>;
  return <Confirmation dossier={dossier} mode={mode} />;
}

function Confirmation({ dossier, mode }: { dossier: Dossier; mode: WizardMode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { wipe } = useKioskSession();
  const receipt = useReceipt(dossier.id);
  const [printing, setPrinting] = useState<PrintState>({ status: 'idle' });
  const print = async () => {
    setPrinting({ status: 'printing' });
    try {
      const result = await api.documents.print({ kind: 'receipt', dossierId: dossier.id });
      setPrinting(result.printed ? { status: 'printed', printer: result.printerName } : { status: 'not-printed', reason: result.reason });
    } catch (error) {
      setPrinting({ status: 'failed', error });
    }
  };
  const reference = dossier.dossierCode ?? dossier.localReference;
  return (
    <>
      <div className="panel panel--confirmation">
        <ScreenHeading>{t('confirmation.title')}</ScreenHeading>
        <div className="panel__body">
          {dossier.dossierCode ? t('confirmation.referenceLabel') : t('confirmation.localReferenceLabel')}
          <br />
          <strong className="panel__reference">{reference}</strong>
        </div>
      </div>
      <p className="body">{t('confirmation.procedure', { procedure: dossier.procedureName, agency: dossier.agencyName })}</p>
      <h2 className="heading-m">{t('confirmation.nextHeading')}</h2>
      <ol className="steps">
        <li>{t('confirmation.nextCounter')}</li>
        <li>{t('confirmation.nextAppointment', { date: formatIsoDate(dossier.appointmentDate) })}</li>
        <li>{dossier.feeVnd > 0 ? t('confirmation.nextFee', { amount: formatVnd(dossier.feeVnd) }) : t('confirmation.nextNoFee')}</li>
      </ol>
      {!dossier.dossierCode && <p className="body">{t('confirmation.localReferenceNote')}</p>}
      <h2 className="heading-m">{t('confirmation.receiptHeading')}</h2>
      {receipt.status === 'failed' && <ErrorPanel error={receipt.error} title={t('confirmation.receiptFailed')} />}
      <div className="button-group">
        <button type="button" className="button button--secondary" aria-disabled={printing.status === 'printing' || undefined} onClick={() => void (printing.status !== 'printing' && print())}>
          {printing.status === 'printing' ? t('confirmation.printing') : t('confirmation.print')}
        </button>
        {receipt.status === 'ready' ? (
          <a className="button button--secondary" href={receipt.url} download={receipt.fileName}>
            {t('confirmation.download')}
          </a>
        ) : (
          receipt.status === 'loading' && <p className="body">{t('confirmation.preparing')}</p>
        )}
      </div>
      <div role="status">
        {printing.status === 'printed' && <p className="body">{printing.printer ? t('confirmation.printedOn', { printer: printing.printer }) : t('confirmation.printed')}</p>}
        {printing.status === 'not-printed' && <p className="body">{printing.reason === 'printer_not_found' ? t('confirmation.printerNotFound') : t('confirmation.noPrinter')}</p>}
      </div>
      {printing.status === 'failed' && <ErrorPanel error={printing.error} title={t('confirmation.printFailed')} />}
      {mode === 'kiosk' && <KioskRating procedureCode={dossier.procedureCode} />}
      {mode === 'counter' && (
        <p className="body">
          <Link to={`/counter/ky-so/${dossier.id}`}>{t('signing.offer')}</Link>
        </p>
      )}
      <p className="body kiosk-help">{t('kiosk.help')}</p>
      <button type="button" className="button button--start" onClick={() => (mode === 'kiosk' ? wipe() : void navigate('/counter', { replace: true }))}>
        {t('confirmation.finish')}
      </button>
    </>
  );
}
