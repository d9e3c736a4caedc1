import { useTranslation } from 'react-i18next';
import type { LeafQuestion } from '../../../../electron/contract/procedure';
import { pathDomId } from '../answerPaths';
import { FieldFrame, FieldsetFrame } from './FieldFrame';
import type { QuestionFieldProps } from './types';

type Choice = Extract<LeafQuestion, { type: 'radio' | 'select' }>;

/** Radios (the first carries the question's id, for the error summary's link). */
export function RadioQuestion({ path, question, caption, optional, value, onChange, error, asPageHeading }: QuestionFieldProps<Choice>) {
  const id = pathDomId(path);
  return (
    <FieldsetFrame id={id} caption={caption} label={question.label} optional={optional} hint={question.hint} error={error} asPageHeading={asPageHeading}>
      {() => (
        <div className="radios">
          {question.options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <div className="radios__item" key={option.value}>
                <input
                  id={optionId}
                  className="radios__input"
                  type="radio"
                  name={path}
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => onChange(option.value)}
                />
                <label className="radios__label" htmlFor={optionId}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      )}
    </FieldsetFrame>
  );
}

export function SelectQuestion({ path, question, caption, optional, value, onChange, error, asPageHeading }: QuestionFieldProps<Choice>) {
  const { t } = useTranslation();
  const id = pathDomId(path);
  return (
    <FieldFrame id={id} caption={caption} label={question.label} optional={optional} hint={question.hint} error={error} asPageHeading={asPageHeading}>
      {(describedBy) => (
        <select
          id={id}
          name={path}
          className={`select${error ? ' input--error' : ''}`}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        >
          <option value="">{t('wizard.choose')}</option>
          {question.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
