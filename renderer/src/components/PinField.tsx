import type { Ref } from 'react';
import { TextField } from './Field';

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
 * browser must not remember an official's PIN on a shared machine).
 */
export function PinField({ id, name, label, hint, error, value, onChange, inputRef }: Props) {
  return (
    <TextField
      id={id}
      name={name}
      label={label}
      hint={hint}
      error={error}
      type="password"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      width="code"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      inputRef={inputRef}
    />
  );
}
