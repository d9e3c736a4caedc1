import { useTranslation } from 'react-i18next';
import type { LeafQuestion } from '../../../../electron/contract/procedure';
import { pathDomId } from '../answerPaths';
import { FieldsetFrame } from './FieldFrame';
import type { QuestionFieldProps } from './types';

type CheckboxQ = Extract<LeafQuestion, { type: 'checkbox' }>;

/** One yes/no: the question names the fieldset; the box says what ticking it means (its hint, or "Có"). */
export function CheckboxQuestion({ path, question, caption, value, onChange, error, asPageHeading }: QuestionFieldProps<CheckboxQ>) {
  const { t } = useTranslation();
  const id = pathDomId(path);
  return (
    <FieldsetFrame id={id} caption={caption} label={question.label} optional={false} error={error} asPageHeading={asPageHeading}>
      {() => (
        <div className="checkboxes__item">
          <input id={id} name={path} className="checkboxes__input" type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} />
          <label className="checkboxes__label" htmlFor={id}>
            {question.hint ?? t('wizard.yes')}
          </label>
        </div>
      )}
    </FieldsetFrame>
  );
}
