import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ContractError } from '../../../electron/contract/errors';
import type { SignResult, TokenSummary } from '../../../electron/contract/signing';
import { api } from '../api';
import { ErrorPanel } from '../components/ErrorPanel';
import { ScreenHeading } from '../components/ScreenHeading';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { createSessionObjectUrl, revokeSessionObjectUrl } from '../kiosk/sessionStore';
import { PinKeypad } from './PinKeypad';
import './signing.css';

type Phase = { step: 'choose' } | { step: 'signing' } | { step: 'done'; result: SignResult & { fileName: string }; url: string } | { step: 'failed'; error: unknown };

function toBytes(pdf: unknown): Uint8Array<ArrayBuffer> {
  if (pdf instanceof Uint8Array) return new Uint8Array(pdf);
  return Uint8Array.from(Object.values(pdf as Record<string, number>));
}

function vnDate(iso: string): string {
  return new Date(iso).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
}

/**
 * "Ký số đơn": the official chooses a certificate on the USB token, types the PIN on the app's
 * keypad, and sees the signed form verified. At the final PIN try a second, explicit confirmation.
 */
export default function SignApplicationScreen() {
  const { t } = useTranslation();
  const { dossierId = '' } = useParams();
  useDocumentTitle(t('signing.title'));
  const [module, setModule] = useState('');
  const [tokens, setTokens] = useState<TokenSummary[] | null>(null);
  const [listError, setListError] = useState<unknown>(null);
  const [choice, setChoice] = useState<string>('');
  const [pin, setPin] = useState('');
  const [finalTryConfirmed, setFinalTryConfirmed] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });

  const find = async () => {
    setListError(null);
    setTokens(null);
    try {
      const found = await api.signing.tokens(module.trim() ? { module: module.trim() } : {});
      setModule(found.module);
      setTokens(found.tokens);
      const available = found.tokens.flatMap((tk) => tk.certificates.filter((c) => c.hasPrivateKey).map((c) => `${tk.label}|${c.id}`));
      // Listing again (after a wrong PIN) keeps the official's choice while that certificate is still there.
      setChoice((current) => (available.includes(current) ? current : (available[0] ?? '')));
    } catch (error) {
      setListError(error);
    }
  };

  useEffect(
    () => () => {
      if (phase.step === 'done') revokeSessionObjectUrl(phase.url);
    },
    [phase],
  );

  const [tokenLabel, certId] = choice.split('|') as [string, string | undefined];
  const token = tokens?.find((tk) => tk.label === tokenLabel);
  const finalTry = token?.pin.finalTry === true || (phase.step === 'failed' && phase.error instanceof ContractError && phase.error.code === 'TOKEN_PIN_FINAL_TRY');
  const locked = token?.pin.locked === true;

  const sign = async () => {
    if (!certId || pin.length === 0) return;
    const entered = pin;
    // The PIN leaves the screen's state before the call: nothing keeps it after this attempt.
    setPin('');
    setPhase({ step: 'signing' });
    try {
      const result = await api.signing.signApplication({ dossierId, module, tokenLabel, certId, pin: entered, visible: true, reason: t('signing.reason'), confirmFinalTry: finalTryConfirmed });
      const url = createSessionObjectUrl(new Blob([toBytes(result.pdf)], { type: 'application/pdf' }));
      setPhase({ step: 'done', result, url });
    } catch (error) {
      setFinalTryConfirmed(false);
      setPhase({ step: 'failed', error });
      if (error instanceof ContractError && ['TOKEN_PIN_INCORRECT', 'TOKEN_PIN_LOCKED', 'TOKEN_REMOVED'].includes(error.code)) void find();
    }
  };

  if (phase.step === 'done') {
    const last = phase.result.verification.at(-1);
    return (
      <>
        <div className="panel panel--confirmation">
          <ScreenHeading>{t('signing.doneTitle')}</ScreenHeading>
          <div className="panel__body">{t('signing.signedBy', { name: phase.result.signer })}</div>
        </div>
        <h2 className="heading-m">{t('signing.verificationHeading')}</h2>
        <ul className="list" aria-label={t('signing.verificationHeading')}>
          {phase.result.verification.map((check) => (
            <li key={check.field}>{t(check.valid ? 'signing.checkValid' : 'signing.checkInvalid', { n: check.field, name: check.signer })}</li>
          ))}
        </ul>
        {last?.coversWholeDocument && <p className="body">{t('signing.wholeDocument')}</p>}
        <div className="button-group">
          <a className="button" href={phase.url} download={phase.result.fileName}>
            {t('signing.download')}
          </a>
          <Link className="button button--secondary" to={`/counter/da-nop/${dossierId}`}>
            {t('signing.back')}
          </Link>
        </div>
      </>
    );
  }

  return (
    <>
      <ScreenHeading>{t('signing.title')}</ScreenHeading>
      <p className="body">{t('signing.intro')}</p>
      <div className="form-group">
        <label className="label" htmlFor="sign-module">
          {t('signing.moduleLabel')}
        </label>
        <p className="hint" id="sign-module-hint">
          {t('signing.moduleHint')}
        </p>
        <input id="sign-module" className="input input--full" aria-describedby="sign-module-hint" value={module} onChange={(e) => setModule(e.target.value)} spellCheck={false} />
      </div>
      <button type="button" className="button button--secondary" onClick={() => void find()}>
        {t('signing.find')}
      </button>
      {listError !== null && <ErrorPanel error={listError} />}
      {tokens && tokens.length === 0 && <p className="body">{t('signing.noToken')}</p>}
      {tokens && tokens.length > 0 && (
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('signing.chooseCert')}</legend>
          <div className="radios">
            {tokens.flatMap((tk) =>
              tk.certificates
                .filter((c) => c.hasPrivateKey)
                .map((c) => {
                  const value = `${tk.label}|${c.id}`;
                  const id = `cert-${tk.slot}-${c.id}`;
                  return (
                    <div className="radios__item" key={value}>
                      <input className="radios__input" type="radio" id={id} name="certificate" value={value} checked={choice === value} onChange={() => setChoice(value)} />
                      <label className="label radios__label" htmlFor={id}>
                        <strong>{c.commonName ?? c.subject}</strong>
                        <br />
                        {t('signing.certLine', { organisation: c.organisation ?? '—', ca: c.issuerName ?? c.issuer, until: vnDate(c.notAfter) })}
                      </label>
                    </div>
                  );
                }),
            )}
          </div>
        </fieldset>
      )}
      {token && locked && <ErrorPanel error={new ContractError({ code: 'TOKEN_PIN_LOCKED', message_vi: t('signing.locked'), message_en: t('signing.locked') })} title={t('signing.lockedTitle')} />}
      {token && !locked && certId && (
        <>
          <h2 className="heading-m">{t('signing.pinHeading')}</h2>
          {token.pin.countLow && !finalTry && <p className="body">{t('signing.countLow')}</p>}
          <PinKeypad length={pin.length} disabled={phase.step === 'signing'} onDigit={(d) => setPin((p) => (p.length < 16 ? p + d : p))} onDelete={() => setPin((p) => p.slice(0, -1))} onClear={() => setPin('')} />
          {finalTry && (
            <div className="checkboxes__item">
              <input className="checkboxes__input" type="checkbox" id="sign-final-try" checked={finalTryConfirmed} onChange={(e) => setFinalTryConfirmed(e.target.checked)} />
              <label className="label checkboxes__label" htmlFor="sign-final-try">
                {t('signing.finalTryConfirm')}
              </label>
            </div>
          )}
          <button type="button" className="button" disabled={phase.step === 'signing' || pin.length === 0 || (finalTry && !finalTryConfirmed)} onClick={() => void sign()}>
            {t('signing.sign')}
          </button>
        </>
      )}
      <div role="status">{phase.step === 'signing' && <p className="body">{t('signing.progress')}</p>}</div>
      {phase.step === 'failed' && <ErrorPanel error={phase.error} title={t('signing.failedTitle')} />}
    </>
  );
}
