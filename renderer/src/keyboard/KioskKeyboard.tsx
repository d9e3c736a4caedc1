import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Keyboard } from './simpleKeyboard';
import { setDisplayPrefs, useDisplayPrefs } from '../kiosk/displayPrefs';
import { backspace, isPlainField, isTypable, padFor, toneKey, typeKey, type TextControl } from './fieldEditing';
import { numericLayout, textLayout, toneButtons } from './layouts';
import type { Tone } from './vietnameseInput';

const targetAttribute = 'data-keyboard-target';

/**
 * The field the keys go to: the one last touched on the page, else the page's first. The field is
 * marked with an attribute (kiosk-access.css outlines it) that React does not own.
 */
function useTarget(): TextControl | null {
  const [target, setTarget] = useState<TextControl | null>(null);
  useEffect(() => {
    let marked: TextControl | null = null;
    const choose = (el: TextControl) => {
      marked?.removeAttribute(targetAttribute);
      el.setAttribute(targetAttribute, '');
      marked = el;
      setTarget(el);
    };
    const main = document.getElementById('main');
    const first = main ? [...main.querySelectorAll('input, textarea')].find((el) => isTypable(el) && !el.closest('.kiosk-keyboard')) : undefined;
    // After mount: the fields are in the DOM by then, and the choice is a subscription's callback.
    const initial = setTimeout(() => {
      if (first && isTypable(first) && !marked) choose(first);
    }, 0);
    const onFocus = (event: FocusEvent) => {
      const el = event.target as Element | null;
      if (isTypable(el) && el.closest('#main') && !el.closest('.kiosk-keyboard')) choose(el);
    };
    document.addEventListener('focusin', onFocus);
    return () => {
      clearTimeout(initial);
      document.removeEventListener('focusin', onFocus);
      marked?.removeAttribute(targetAttribute);
    };
  }, []);
  return target;
}

/** The next field of the same form (a date's month after its day): only when the resident asks. */
function focusNext(target: TextControl): void {
  const scope = target.form ?? document.getElementById('main');
  if (!scope) return;
  const fields = [...scope.querySelectorAll('input, textarea')].filter(isTypable);
  const next = fields[fields.indexOf(target) + 1];
  next?.focus();
}

/**
 * The kiosk's on-screen keyboard: simple-keyboard draws the keys (real <button>s, ≥ 56 px), our
 * engine (vietnameseInput.ts) composes Telex or VNI. It sits in the page flow under the form, so
 * it never covers the field being typed, and works by touch or click alone. A number pad replaces
 * the letters for number fields (inputmode numeric/decimal/tel).
 */
export function KioskKeyboard() {
  const { t } = useTranslation();
  const target = useTarget();
  const { inputMethod } = useDisplayPrefs();
  const host = useRef<HTMLDivElement>(null);
  const keyboard = useRef<Keyboard | null>(null);
  const [shift, setShift] = useState(false);
  const pad = target ? padFor(target) : 'text';
  // The key handler reads the newest state through a ref: simple-keyboard keeps the first callback.
  const state = useRef({ target, inputMethod, shift, pad });
  useLayoutEffect(() => {
    state.current = { target, inputMethod, shift, pad };
  }, [target, inputMethod, shift, pad]);

  const display: Record<string, string> = {
    '{bksp}': t('kioskAccess.keyboard.backspace'),
    '{shift}': t('kioskAccess.keyboard.shift'),
    '{space}': t('kioskAccess.keyboard.space'),
    '{next}': t('kioskAccess.keyboard.next'),
    '{tone1}': t('kioskAccess.keyboard.tone1'),
    '{tone2}': t('kioskAccess.keyboard.tone2'),
    '{tone3}': t('kioskAccess.keyboard.tone3'),
    '{tone4}': t('kioskAccess.keyboard.tone4'),
    '{tone5}': t('kioskAccess.keyboard.tone5'),
  };
  const displayRef = useRef(display);
  const layoutKey = `${pad}-${shift}-${JSON.stringify(display)}`;
  useLayoutEffect(() => {
    displayRef.current = display;
    keyboard.current?.setOptions({
      layout: pad === 'numeric' ? numericLayout : textLayout,
      layoutName: pad === 'text' && shift ? 'shift' : 'default',
      display,
      theme: `kiosk-keyboard__keys kiosk-keyboard__keys--${pad}`,
    });
    // layoutKey says everything the keys depend on (display is a new object on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layoutKey]);

  useEffect(() => {
    if (!host.current) return;
    const onKeyPress = (button: string) => {
      const { target: field, inputMethod: chosen, pad: kind } = state.current;
      if (!field) return;
      const method = isPlainField(field) ? 'plain' : chosen;
      if (document.activeElement !== field) field.focus({ preventScroll: true });
      const tone = toneButtons.indexOf(button as (typeof toneButtons)[number]);
      if (button === '{shift}') setShift((s) => !s);
      else if (button === '{bksp}') backspace(field, kind === 'numeric' ? 'plain' : method);
      else if (button === '{space}') typeKey(field, ' ', 'plain');
      else if (button === '{next}') focusNext(field);
      else if (tone >= 0) toneKey(field, (tone + 1) as Tone);
      else {
        typeKey(field, button, kind === 'numeric' ? 'plain' : method);
        // Shift is for one letter (a capital at the start of a name), as on a phone.
        if (state.current.shift) setShift(false);
      }
    };
    keyboard.current = new Keyboard(host.current, {
      useButtonTag: true,
      buttonAttributes: [{ attribute: 'type', value: 'button' }],
      disableCaretPositioning: true,
      preventMouseDownDefault: true,
      theme: 'kiosk-keyboard__keys',
      display: displayRef.current,
      layout: textLayout,
      onKeyPress,
    });
    return () => {
      keyboard.current?.destroy();
      keyboard.current = null;
    };
  }, []);

  // Rendered from the start (simple-keyboard needs its host), shown once there is a field to type in.
  return (
    <section className="kiosk-keyboard" hidden={!target} aria-label={t('kioskAccess.keyboard.label')} onMouseDown={(event) => event.preventDefault()}>
      {pad === 'text' && target && !isPlainField(target) && (
        <div className="kiosk-keyboard__methods" role="group" aria-label={t('kioskAccess.keyboard.method')}>
          {(['telex', 'vni'] as const).map((m) => (
            <button key={m} type="button" className="kiosk-toggle" aria-pressed={inputMethod === m} onClick={() => setDisplayPrefs({ inputMethod: m })}>
              {t(`kioskAccess.keyboard.${m}`)}
            </button>
          ))}
          <span className="kiosk-keyboard__example">{t(`kioskAccess.keyboard.${inputMethod}Example`)}</span>
        </div>
      )}
      <div ref={host} className="simple-keyboard" />
    </section>
  );
}
