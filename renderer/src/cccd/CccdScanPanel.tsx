import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseCccdQr, type CccdFillTarget, type CccdParseResult } from '../../../electron/contract/cccd/index';
import { useLanguage } from '../hooks/useLanguage';
import { CameraScanner } from './CameraScanner';
import { CccdConfirm } from './CccdConfirm';
import { onCccdScan } from './scanBus';
import { useHidScans } from './useHidScans';
import { useWedgeScans } from './useWedgeScans';
import './cccd.css';

type View = { kind: 'closed' } | { kind: 'waiting'; camera: boolean } | { kind: 'parsed'; result: CccdParseResult } | { kind: 'filled'; count: number };

/**
 * "Quét CCCD" on a step that asks for a person's identity: the card's QR code from the camera, a
 * keyboard-wedge reader (any time this is on screen) or a HID reader, parsed, shown for
 * confirmation, then filled. `onFilled` lets the step re-read its fields.
 */
export function CccdScanPanel({ targets, onFilled }: { targets: readonly CccdFillTarget[]; onFilled: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [view, setView] = useState<View>({ kind: 'closed' });
  const headingRef = useRef<HTMLDivElement>(null);

  const receive = useCallback((text: string) => setView({ kind: 'parsed', result: parseCccdQr(text) }), []);
  useWedgeScans(receive);
  useHidScans();
  useEffect(() => onCccdScan(receive), [receive]);
  // What changed is announced and reachable: the panel's heading takes the focus.
  useEffect(() => {
    if (view.kind === 'parsed' || view.kind === 'filled') headingRef.current?.querySelector<HTMLElement>('[tabindex="-1"]')?.focus();
  }, [view]);

  const close = () => setView({ kind: 'closed' });
  return (
    <section className="cccd-scan" aria-label={t('cccd.regionLabel')} ref={headingRef}>
      {view.kind === 'closed' && (
        <button type="button" className="button button--secondary cccd-scan__open" onClick={() => setView({ kind: 'waiting', camera: false })}>
          {t('cccd.scanButton')}
        </button>
      )}
      {view.kind === 'waiting' && (
        <div className="cccd-scan__panel">
          <h2 className="heading-m">{t('cccd.waitingTitle')}</h2>
          <p className="body">{t('cccd.waitingBody')}</p>
          {view.camera ? (
            <CameraScanner onText={receive} />
          ) : (
            <button type="button" className="button button--secondary" onClick={() => setView({ kind: 'waiting', camera: true })}>
              {t('cccd.useCamera')}
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={close}>
            {t('cccd.cancel')}
          </button>
        </div>
      )}
      {view.kind === 'parsed' && !view.result.ok && (
        <div className="error-panel" role="alert">
          <h2 className="error-panel__title" tabIndex={-1}>
            {t('cccd.unreadableTitle')}
          </h2>
          <p className="error-panel__body">{lang === 'vi' ? view.result.error.message_vi : view.result.error.message_en}</p>
          <div className="button-group">
            <button type="button" className="button button--secondary" onClick={() => setView({ kind: 'waiting', camera: false })}>
              {t('cccd.tryAgain')}
            </button>
            <button type="button" className="button button--secondary" onClick={close}>
              {t('cccd.cancel')}
            </button>
          </div>
        </div>
      )}
      {view.kind === 'parsed' && view.result.ok && (
        <CccdConfirm
          data={view.result.value}
          targets={targets}
          onCancel={close}
          onDone={(count) => {
            setView({ kind: 'filled', count });
            onFilled();
          }}
        />
      )}
      {view.kind === 'filled' && (
        <div className="cccd-scan__done" role="status">
          <h2 className="heading-m" tabIndex={-1}>
            {t('cccd.filledTitle', { count: view.count })}
          </h2>
          <p className="body">{t('cccd.filledBody')}</p>
          <button type="button" className="button button--secondary" onClick={() => setView({ kind: 'waiting', camera: false })}>
            {t('cccd.scanAgain')}
          </button>
        </div>
      )}
    </section>
  );
}
