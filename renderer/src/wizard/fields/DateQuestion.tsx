import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeafQuestion } from '../../../../electron/contract/procedure';
import { pathDomId } from '../answerPaths';
import { dateAnswer, dateParts, type DateParts } from './dateParts';
import { FieldsetFrame } from './FieldFrame';
import type { QuestionFieldProps } from './types';

type DateQ = Extract<LeafQuestion, { type: 'date' }>;

/** GOV.UK date input: day, month, year as three number fields; no picker, no jumping between them. */
export function DateQuestion({ path, question, caption, optional, value, onChange, error, asPageHeading }: QuestionFieldProps<DateQ>) {
  const { t } = useTranslation();
  const id = pathDomId(path);
  const [parts, setParts] = useState<DateParts>(() => dateParts(value));
  const change = (part: keyof DateParts, text: string) => {
    const next = { ...parts, [part]: text };
    setParts(next);
    onChange(dateAnswer(next));
  };
  const hint = question.hint ?? t('wizard.dateHint');
  const item = (part: keyof DateParts, label: string, width: string) => {
    const inputId = part === 'day' ? id : `${id}-${part}`;
    return (
      <div className="date-input__item">
        <label className="label date-input__label" htmlFor={inputId}>
          {label}
        </label>
        <input
          id={inputId}
          name={`${path}-${part}`}
          className={`input date-input__input input--width-${width}${error ? ' input--error' : ''}`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={parts[part]}
          onChange={(event) => change(part, event.target.value)}
          aria-invalid={error ? true : undefined}
        />
      </div>
    );
  };
  return (
    <FieldsetFrame id={id} caption={caption} label={question.label} optional={optional} hint={hint} error={error} asPageHeading={asPageHeading}>
      {() => (
        <div className="date-input">
          {item('day', t('wizard.day'), '2')}
          {item('month', t('wizard.month'), '2')}
          {item('year', t('wizard.year'), '4')}
        </div>
      )}
    </FieldsetFrame>
  );
}
