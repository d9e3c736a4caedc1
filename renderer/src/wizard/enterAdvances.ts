import type { KeyboardEvent } from 'react';

const focusable = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/**
 * Counter mode: Enter in a field moves to the next field (radios of one group count once), as a
 * form on paper is filled top to bottom; on the last field it moves to the submit button. In a
 * text area Enter is a new line, on a button it presses it.
 */
export function enterAdvances(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey || event.nativeEvent.isComposing) return;
  const target = event.target as HTMLElement;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLButtonElement) return;
  if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
  const seenRadioGroups = new Set<string>();
  const fields = [...event.currentTarget.querySelectorAll<HTMLElement>(focusable)].filter((el) => {
    if (el instanceof HTMLInputElement && el.type === 'radio') {
      if (el === target) return true;
      if (target instanceof HTMLInputElement && target.type === 'radio' && el.name === target.name) return false;
      if (seenRadioGroups.has(el.name)) return false;
      seenRadioGroups.add(el.name);
    }
    return true;
  });
  const index = fields.indexOf(target);
  const next = fields[index + 1];
  if (index === -1 || !next) return;
  event.preventDefault();
  next.focus();
}
