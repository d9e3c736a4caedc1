import { useTranslation } from 'react-i18next';

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The app's own PIN keypad (kiosk: no physical keyboard, nothing for a keylogger). The PIN lives only
 * in the screen's state and is cleared after every attempt; only dots are shown.
 */
export function PinKeypad({ length, onDigit, onDelete, onClear, disabled }: { length: number; onDigit(d: string): void; onDelete(): void; onClear(): void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="pin-keypad">
      <p className={length > 0 ? "pin-keypad__display" : "pin-keypad__display pin-keypad__display--empty"} id="sign-pin-display" aria-live="polite" aria-label={t('signing.pinEntered', { count: length })}>
        {length > 0 ? '●'.repeat(length) : t('signing.pinEmpty')}
      </p>
      <div className="pin-keypad__keys" role="group" aria-label={t('signing.keypad')}>
        {[...keys, 'clear', '0', 'delete'].map((key) =>
          key === 'clear' ? (
            <button key={key} type="button" className="button button--secondary pin-keypad__key" disabled={disabled} onClick={onClear}>
              {t('signing.clear')}
            </button>
          ) : key === 'delete' ? (
            <button key={key} type="button" className="button button--secondary pin-keypad__key" disabled={disabled} onClick={onDelete} aria-label={t('signing.delete')}>
              ⌫
            </button>
          ) : (
            <button key={key} type="button" className="button button--secondary pin-keypad__key" disabled={disabled} onClick={() => onDigit(key)}>
              {key}
            </button>
          ),
        )}
      </div>
    </div>
  );
}
