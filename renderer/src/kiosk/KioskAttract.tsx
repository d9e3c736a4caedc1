import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api';
import { useSettings } from '../state/AppState';
import { resetDisplayPrefs } from './displayPrefs';

const activityEvents = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

interface Top {
  code: string;
  name: string;
  count: number;
}

/** True after `ms` without a touch or key on the page; back to false on the next one. */
function useIdle(ms: number): [boolean, () => void] {
  const [idle, setIdle] = useState(false);
  const last = useRef(0);
  useEffect(() => {
    last.current = Date.now();
    const onActivity = () => {
      last.current = Date.now();
    };
    for (const name of activityEvents) window.addEventListener(name, onActivity, { capture: true, passive: true });
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const quiet = Date.now() - last.current;
      if (quiet >= ms) setIdle(true);
      timer = setTimeout(check, quiet >= ms ? ms : ms - quiet);
    };
    timer = setTimeout(check, ms);
    return () => {
      clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [ms]);
  return [idle, () => {
    last.current = Date.now();
    setIdle(false);
  }];
}

/**
 * The attract screen: when the welcome screen has stood untouched for the idle-warning time, it
 * invites passers-by and shows the commune's most used procedures (local dossier counts). The
 * look goes back to the standard one for the next resident. One touch anywhere dismisses it;
 * a touch on a procedure opens it.
 */
export function KioskAttract() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { settings } = useSettings();
  const [idle, wake] = useIdle(settings.kioskIdleWarningSeconds * 1000);
  const [top, setTop] = useState<Top[]>([]);
  const startButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!idle) return;
    resetDisplayPrefs();
    let live = true;
    api.kioskAssist
      .topProcedures({ limit: 4 })
      .then((r) => live && setTop(r.procedures))
      .catch(() => undefined);
    startButton.current?.focus();
    return () => {
      live = false;
    };
  }, [idle]);

  if (!idle) return null;
  return (
    <section className="attract" role="dialog" aria-modal="true" aria-labelledby="attract-title" onClick={wake}>
      <h2 id="attract-title" className="attract__title">
        {t('kioskAccess.attract.title')}
      </h2>
      <p className="attract__lead">{t('kioskAccess.attract.lead')}</p>
      {top.length > 0 && (
        <>
          <h3 className="heading-m">{t('kioskAccess.attract.topHeading')}</h3>
          <ul className="attract__list">
            {top.map((p) => (
              <li key={p.code}>
                <button
                  type="button"
                  className="attract__procedure"
                  onClick={(event) => {
                    event.stopPropagation();
                    wake();
                    void navigate(`/kiosk/thu-tuc/${p.code}`);
                  }}
                >
                  {p.name}
                  <span className="attract__count">{t('kioskAccess.attract.count', { count: p.count })}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <button ref={startButton} type="button" className="button button--start attract__touch" onClick={wake}>
        {t('kioskAccess.attract.touch')}
      </button>
    </section>
  );
}
