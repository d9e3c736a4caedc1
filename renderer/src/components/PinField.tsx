import type { Ref } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { describedBy } from './fieldIds';

interface Props {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange(value: string): void;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A PIN or code: masked, digits keypad on touch screens, never autocompleted or spell-checked (a
 * browser must not remember an official's PIN on a shared machine). GOV.UK field layout.
 */
export function PinField({ id, name, label, hint, error, value, onChange, inputRef }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={hintId} className="hint">
          {hint}
        </div>
      )}
      {errorId && error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <input
        ref={inputRef}
        id={id}
        name={name}
        className={`input input--code${error ? ' input--error' : ''}`}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}
