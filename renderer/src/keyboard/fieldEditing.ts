import { applyKey, deleteLast, withTone, wordBefore, type InputMethod, type Tone } from './vietnameseInput';

export type TextControl = HTMLInputElement | HTMLTextAreaElement;

/** Which pad a field gets: numbers (CCCD, phone, dates, numbers) or the Vietnamese letters. */
export function padFor(control: TextControl): 'numeric' | 'text' {
  const mode = control.inputMode;
  return mode === 'numeric' || mode === 'decimal' || mode === 'tel' || control.type === 'tel' ? 'numeric' : 'text';
}

/**
 * Fields that take codes, not Vietnamese words (an e-mail address, a retrieval code written in
 * capitals): typed as pressed, since Telex would turn "AA" into "Â" and "S" into a tone.
 */
export function isPlainField(control: TextControl): boolean {
  return control.type === 'email' || control.getAttribute('autocapitalize') === 'characters';
}

/** The controls the on-screen keyboard types into: text-like inputs and text areas. */
export function isTypable(el: Element | null): el is TextControl {
  if (el instanceof HTMLTextAreaElement) return !el.disabled && !el.readOnly;
  if (!(el instanceof HTMLInputElement) || el.disabled || el.readOnly) return false;
  return ['text', 'tel', 'email', 'search', ''].includes(el.type);
}

/**
 * Writes a value into a React-controlled field: through the prototype's setter (React tracks the
 * element's own one) and an `input` event, so the field's onChange runs as for a typed key.
 */
function setValue(control: TextControl, value: string, caret: number): void {
  const proto = control instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(control, value);
  control.dispatchEvent(new Event('input', { bubbles: true }));
  try {
    control.setSelectionRange(caret, caret);
  } catch {
    // type=email has no selection API: the caret stays at the end, where keys go anyway.
  }
}

function caretOf(control: TextControl): { start: number; end: number } {
  try {
    const start = control.selectionStart ?? control.value.length;
    return { start, end: control.selectionEnd ?? start };
  } catch {
    return { start: control.value.length, end: control.value.length };
  }
}

/** One key into the field at its caret; letters compose with the word before the caret. */
export function typeKey(control: TextControl, key: string, method: InputMethod | 'plain'): void {
  const value = control.value;
  const { start, end } = caretOf(control);
  const before = value.slice(0, start);
  const after = value.slice(end);
  if (method === 'plain' || start !== end) {
    setValue(control, `${before}${key}${after}`, start + key.length);
    return;
  }
  const { start: wordStart, word } = wordBefore(value, start);
  const composed = applyKey(word, key, method);
  const head = `${value.slice(0, wordStart)}${composed}`.normalize('NFC');
  setValue(control, `${head}${after}`, head.length);
}

/** Backspace: inside a word, the engine's delete (the last key undone); otherwise one character. */
export function backspace(control: TextControl, method: InputMethod | 'plain'): void {
  const value = control.value;
  const { start, end } = caretOf(control);
  if (start !== end) {
    setValue(control, value.slice(0, start) + value.slice(end), start);
    return;
  }
  if (start === 0) return;
  const { start: wordStart, word } = wordBefore(value, start);
  if (method !== 'plain' && word !== '') {
    const head = value.slice(0, wordStart) + deleteLast(word, method);
    setValue(control, head + value.slice(start), head.length);
    return;
  }
  const head = [...value.slice(0, start)].slice(0, -1).join('');
  setValue(control, head + value.slice(start), head.length);
}

/** A direct tone key on the word before the caret. */
export function toneKey(control: TextControl, tone: Tone): void {
  const value = control.value;
  const { start } = caretOf(control);
  const { start: wordStart, word } = wordBefore(value, start);
  if (word === '') return;
  const head = `${value.slice(0, wordStart)}${withTone(word, tone)}`;
  setValue(control, head + value.slice(start), head.length);
}
