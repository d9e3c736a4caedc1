import { useState } from 'react';
import type { LeafQuestion } from '../../../../electron/contract/procedure';
import { pathDomId } from '../answerPaths';
import { FieldFrame } from './FieldFrame';
import type { QuestionFieldProps } from './types';

type NumberQ = Extract<LeafQuestion, { type: 'number' }>;

/** A number answer is stored as a number once it is one; anything else as typed, for the check to name. */
export function numberAnswer(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** GOV.UK: a text input with the number keyboard, not `type=number` (no spinner, no scroll changes). */
export function NumberQuestion({ path, question, caption, optional, value, onChange, error, asPageHeading }: QuestionFieldProps<NumberQ>) {
  const id = pathDomId(path);
  const [text, setText] = useState(() => (value === undefined || value === null ? '' : String(value)));
  return (
    <FieldFrame id={id} caption={caption} label={question.label} optional={optional} hint={question.hint} error={error} asPageHeading={asPageHeading}>
      {(describedBy) => (
        <input
          id={id}
          name={path}
          className={`input input--number${error ? ' input--error' : ''}`}
          type="text"
          inputMode={question.integer ? 'numeric' : 'decimal'}
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            onChange(numberAnswer(event.target.value));
          }}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        />
      )}
    </FieldFrame>
  );
}
