import type { InputHTMLAttributes } from 'react';
import type { LeafQuestion } from '../../../../electron/contract/procedure';
import { pathDomId } from '../answerPaths';
import { FieldFrame } from './FieldFrame';
import type { QuestionFieldProps } from './types';

type TextLike = Extract<LeafQuestion, { type: 'text' | 'textarea' }> | Extract<LeafQuestion, { type: 'cccd' | 'phone' | 'email' }>;

/** How each kind of typed answer is entered: the right keyboard, autofill, and width. */
const inputKinds: Record<Exclude<TextLike['type'], 'textarea'>, { attrs: InputHTMLAttributes<HTMLInputElement>; width: string }> = {
  text: { attrs: { type: 'text', autoComplete: 'off' }, width: 'full' },
  cccd: { attrs: { type: 'text', inputMode: 'numeric', autoComplete: 'off', spellCheck: false }, width: 'code' },
  phone: { attrs: { type: 'tel', inputMode: 'tel', autoComplete: 'tel', spellCheck: false }, width: 'code' },
  email: { attrs: { type: 'email', autoComplete: 'email', spellCheck: false }, width: 'full' },
};

/** Text, text area, CCCD number, phone, email: one input; what is typed is kept as it is (checked on Continue). */
export function TextQuestion({ path, question, caption, optional, value, onChange, error, asPageHeading }: QuestionFieldProps<TextLike>) {
  const id = pathDomId(path);
  const text = typeof value === 'string' ? value : '';
  const emit = (next: string) => onChange(next === '' ? undefined : next);
  return (
    <FieldFrame id={id} caption={caption} label={question.label} optional={optional} hint={question.hint} error={error} asPageHeading={asPageHeading}>
      {(describedBy) =>
        question.type === 'textarea' ? (
          <textarea
            id={id}
            name={path}
            className={`input textarea${error ? ' input--error' : ''}`}
            rows={4}
            value={text}
            onChange={(event) => emit(event.target.value)}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
          />
        ) : (
          <input
            id={id}
            name={path}
            className={`input input--${inputKinds[question.type].width}${error ? ' input--error' : ''}`}
            {...inputKinds[question.type].attrs}
            value={text}
            onChange={(event) => emit(event.target.value)}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
          />
        )
      }
    </FieldFrame>
  );
}
