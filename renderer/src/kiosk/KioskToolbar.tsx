import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { api } from '../api';
import { ErrorPanel } from '../components/ErrorPanel';
import { setDisplayPrefs, useDisplayPrefs, type TextSize } from './displayPrefs';
import { useKioskSession } from './KioskSession';
import { speak, stepText, stopSpeaking, useVietnameseVoice } from './speech';

const sizes: TextSize[] = [1, 2, 3];

/** Reads the step on screen aloud; offered only where a Vietnamese voice exists; never starts by itself. */
function ListenButton() {
  const { t } = useTranslation();
  const voice = useVietnameseVoice();
  const [speaking, setSpeaking] = useState(false);
  // Keyed by the address (below): a new step, or leaving, stops the reading of the old one.
  useEffect(() => () => stopSpeaking(), []);
  if (!voice) return null;
  const toggle = () => {
    if (speaking) {
      stopSpeaking();
      setSpeaking(false);
      return;
    }
    const main = document.getElementById('main');
    if (!main) return;
    setSpeaking(true);
    speak(stepText(main), voice, () => setSpeaking(false));
  };
  return (
    <button type="button" className="kiosk-toggle kiosk-toolbar__listen" aria-pressed={speaking} onClick={toggle}>
      <span aria-hidden="true">🔊 </span>
      {speaking ? t('kioskAccess.toolbar.stop') : t('kioskAccess.toolbar.listen')}
    </button>
  );
}

/** "Gọi cán bộ hỗ trợ": a call to the counter PC; the answer stays on screen (nothing vanishes by itself). */
function CallHelp() {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'calling' | 'called'>('idle');
  const [failure, setFailure] = useState<unknown>(null);
  const call = async () => {
    setState('calling');
    setFailure(null);
    try {
      await api.kioskAssist.callHelp();
      setState('called');
    } catch (error) {
      setFailure(error);
      setState('idle');
    }
  };
  return (
    <>
      <button type="button" className="kiosk-toggle kiosk-toolbar__help" onClick={() => void call()} aria-disabled={state === 'calling'}>
        {state === 'calling' ? t('kioskAccess.toolbar.calling') : t('kioskAccess.toolbar.callHelp')}
      </button>
      <div className="kiosk-toolbar__status" role="status">
        {state === 'called' && <p className="kiosk-toolbar__called">{t('kioskAccess.toolbar.called')}</p>}
      </div>
      {failure !== null && <ErrorPanel error={failure} title={t('kioskAccess.toolbar.callFailed')} />}
    </>
  );
}

/**
 * The bar under the header on every kiosk screen: text size (three steps), high contrast, reading
 * the step aloud, and calling an official. Its choices last for the kiosk session (displayPrefs.ts).
 */
export function KioskToolbar() {
  const { t } = useTranslation();
  const prefs = useDisplayPrefs();
  const { pathname } = useLocation();
  // A wipe starts the next resident with no call showing.
  const { generation } = useKioskSession();
  return (
    <section className="kiosk-toolbar" aria-label={t('kioskAccess.toolbar.label')}>
      <div className="kiosk-toolbar__inner">
        <div className="kiosk-toolbar__group" role="group" aria-label={t('kioskAccess.toolbar.textSize')}>
          {sizes.map((size) => (
            <button key={size} type="button" className={`kiosk-toggle kiosk-toggle--size${size}`} aria-pressed={prefs.textSize === size} onClick={() => setDisplayPrefs({ textSize: size })}>
              <span aria-hidden="true" className="kiosk-toggle__glyph">
                A
              </span>
              <span className="kiosk-toggle__text">{t(`kioskAccess.toolbar.size${size}`)}</span>
            </button>
          ))}
        </div>
        <button type="button" className="kiosk-toggle" aria-pressed={prefs.highContrast} onClick={() => setDisplayPrefs({ highContrast: !prefs.highContrast })}>
          {t('kioskAccess.toolbar.contrast')}
        </button>
        <ListenButton key={pathname} />
        <CallHelp key={generation} />
      </div>
    </section>
  );
}
