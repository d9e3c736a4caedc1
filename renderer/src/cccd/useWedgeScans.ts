import { useEffect } from 'react';
import { WedgeDetector, type WedgeDecision } from './wedgeDetector';

type Editable = HTMLInputElement | HTMLTextAreaElement;

function editable(element: Element | null): Editable | null {
  return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement ? element : null;
}

/** Sets a field's value the way typing would, so React's onChange sees it (controlled inputs). */
function setFieldValue(field: Editable, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
  setter?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Gives held keys back to the focused field, as if typed (undo history and React both see it). */
function insertText(text: string): void {
  if (editable(document.activeElement)) document.execCommand('insertText', false, text);
}

/**
 * While mounted, a keyboard-wedge reader's burst is taken off the focused field and handed to
 * `onScan` (see WedgeDetector for the rule). Listens in the capture phase on window so the burst
 * never reaches the field's own handlers, and its final Enter never submits the form.
 */
export function useWedgeScans(onScan: (text: string) => void, options?: { maxGapMs?: number; minLength?: number }): void {
  const maxGapMs = options?.maxGapMs ?? 30;
  const minLength = options?.minLength ?? 20;
  useEffect(() => {
    const detector = new WedgeDetector({ maxGapMs, minLength });
    let before: { field: Editable; value: string } | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const apply = (decision: WedgeDecision, event?: KeyboardEvent) => {
      switch (decision.kind) {
        case 'hold':
          event?.preventDefault();
          break;
        case 'release':
          insertText(decision.text);
          break;
        case 'scan':
          event?.preventDefault();
          event?.stopPropagation();
          // The first keys of the burst reached the field before it could be told from typing.
          if (before && decision.leaked > 0) setFieldValue(before.field, before.value);
          before = null;
          onScan(decision.text);
          break;
        case 'pass':
          break;
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
      if (event.key !== 'Enter' && event.key.length !== 1) return;
      // When the key was pressed (the platform's event time), not when this handler got to run:
      // a busy main thread must not stretch a reader's burst into a person's typing.
      const decisions = detector.key(event.key, event.timeStamp, event.repeat);
      // Keys given back from a run that stopped go in first, in the order they were typed.
      for (const decision of decisions) if (decision.kind === 'release') apply(decision);
      if (detector.runLength === 1 && event.key !== 'Enter') {
        const field = editable(document.activeElement);
        before = field ? { field, value: field.value } : null;
      }
      for (const decision of decisions) if (decision.kind !== 'release') apply(decision, event);
      clearTimeout(timer);
      if (detector.holding) {
        timer = setTimeout(() => {
          const released = detector.idle(performance.now());
          if (released) apply(released);
        }, detector.idleAfterMs);
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKeyDown, true);
    };
  }, [onScan, maxGapMs, minLength]);
}
