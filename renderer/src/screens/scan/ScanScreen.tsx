import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ScanPage, ScanSession } from '../../../../electron/contract/scanning';
import { api } from '../../api';
import { BackLink } from '../../components/BackLink';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useWizard } from '../../wizard/WizardContext';
import { ScanPageList } from './ScanPageList';
import { ScannerChoice, type ScanChoice } from './ScannerChoice';
import './scan.css';

type Rotation = ScanPage['rotation'];

/**
 * Scan one required paper (NAPS2's scan-and-review, one screen): choose the glass or the feeder,
 * watch the pages arrive, put them in order, turn, rescan or remove one, then keep the document.
 * A device error is explained with what to do; the pages already scanned always stay.
 */
export default function ScanScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { kind = '' } = useParams();
  const { to, flush } = useWizard();
  const [session, setSession] = useState<ScanSession | null>(null);
  const [choice, setChoice] = useState<ScanChoice | null>(null);
  const [progress, setProgress] = useState<{ page: number; fraction: number } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<'scanning' | 'saving' | 'arranging' | null>(null);
  const [status, setStatus] = useState('');
  const sessionId = useRef<string | null>(null);
  useDocumentTitle(session ? t('scan.title', { name: session.documentName }) : t('scan.loading'), failure !== null);

  useEffect(() => {
    let current = true;
    flush()
      .then((id) => (id ? api.scanning.open({ draftId: id, documentKind: kind }) : null))
      .then(
        (opened) => {
          if (!current || !opened) return;
          sessionId.current = opened.sessionId;
          setSession(opened);
        },
        (error: unknown) => current && setFailure(error),
      );
    return () => {
      current = false;
      // Leaving without keeping the document: the scanned pages (personal data) are dropped at once.
      if (sessionId.current) void api.scanning.discard({ sessionId: sessionId.current }).catch(() => undefined);
      sessionId.current = null;
    };
  }, [flush, kind]);

  // Pages appear one by one while the feeder runs; the call's answer then confirms the whole list.
  useEffect(() => {
    const offPage = api.on('scanning.page', (payload) => {
      if (payload.sessionId !== sessionId.current) return;
      setSession((s) => (s && !s.pages.some((p) => p.id === payload.page.id) ? { ...s, pages: [...s.pages, payload.page] } : s));
      setStatus(t('scan.pageArrived'));
    });
    const offProgress = api.on('scanning.progress', (payload) => {
      if (payload.sessionId === sessionId.current) setProgress({ page: payload.page, fraction: payload.fraction });
    });
    return () => {
      offPage();
      offProgress();
    };
  }, [t]);

  const scan = useCallback(
    async (replacePageId?: string) => {
      if (!session || !choice || busy) return;
      setBusy('scanning');
      setFailure(null);
      setProgress(null);
      try {
        const next = await api.scanning.scan({ sessionId: session.sessionId, deviceId: choice.deviceId, source: choice.source, mode: 'gray', resolution: 300, ...(replacePageId ? { replacePageId } : {}) });
        setSession(next);
        setStatus(t('scan.batchDone', { count: next.pages.length }));
      } catch (error) {
        setFailure(error);
        // Whatever arrived before the device stopped is kept by the app: show exactly that.
        setSession(await api.scanning.get({ sessionId: session.sessionId }).catch(() => session));
      } finally {
        setBusy(null);
        setProgress(null);
      }
    },
    [session, choice, busy, t],
  );

  const arrange = async (pages: { id: string; rotation: Rotation }[], message: string) => {
    if (!session || busy) return;
    setBusy('arranging');
    setFailure(null);
    try {
      setSession(await api.scanning.arrange({ sessionId: session.sessionId, pages }));
      setStatus(message);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    if (!session || busy) return;
    setBusy('saving');
    setFailure(null);
    try {
      await api.scanning.save({ sessionId: session.sessionId });
      void navigate(to('kiem-tra'));
    } catch (error) {
      setFailure(error);
      setBusy(null);
    }
  };

  const pages = session?.pages ?? [];
  const scanning = busy === 'scanning';
  return (
    <>
      <BackLink to={to('kiem-tra')} />
      {failure !== null && <ErrorPanel error={failure} title={t('scan.failedTitle')} />}
      <ScreenHeading>{session ? t('scan.title', { name: session.documentName }) : t('scan.loading')}</ScreenHeading>
      <p className="lead">{t('scan.lead')}</p>
      <ScannerChoice disabled={busy !== null} onChange={setChoice} />
      <div className="button-group">
        {!scanning && (
          <button type="button" className="button" onClick={() => void scan()} aria-disabled={!choice || busy !== null}>
            {failure !== null && pages.length > 0 ? t('scan.continue') : pages.length > 0 ? t('scan.more') : t('scan.start')}
          </button>
        )}
        {scanning && (
          <button type="button" className="button button--secondary" onClick={() => session && void api.scanning.cancel({ sessionId: session.sessionId })}>
            {t('scan.cancel')}
          </button>
        )}
      </div>
      {scanning && (
        <div className="scan-progress">
          <label className="label" htmlFor="scan-progress">
            {progress ? t('scan.progress', { page: progress.page }) : t('scan.starting')}
          </label>
          <progress id="scan-progress" className="scan-progress__bar" max={1} value={progress?.fraction ?? 0} />
        </div>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      <ScanPageList
        pages={pages}
        disabled={busy !== null}
        onMove={(from, toIndex) => {
          const order = pages.map((p) => ({ id: p.id, rotation: p.rotation }));
          const [moved] = order.splice(from, 1);
          order.splice(toIndex, 0, moved!);
          void arrange(order, t('scan.moved', { from: from + 1, to: toIndex + 1 }));
        }}
        onRotate={(index) =>
          void arrange(
            pages.map((p, i) => ({ id: p.id, rotation: i === index ? (((p.rotation + 90) % 360) as Rotation) : p.rotation })),
            t('scan.rotated', { page: index + 1 }),
          )
        }
        onDelete={(index) => void arrange(pages.filter((_, i) => i !== index).map((p) => ({ id: p.id, rotation: p.rotation })), t('scan.deleted', { page: index + 1 }))}
        onRescan={(index) => void scan(pages[index]!.id)}
      />
      {pages.length > 0 && (
        <div className="button-group">
          <button type="button" className="button" onClick={() => void save()} aria-disabled={busy !== null}>
            {busy === 'saving' ? t('scan.saving') : t('scan.save', { count: pages.length })}
          </button>
        </div>
      )}
    </>
  );
}
