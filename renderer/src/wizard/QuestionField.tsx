import { AddressQuestion } from './fields/AddressQuestion';
import { CheckboxQuestion } from './fields/CheckboxQuestion';
import { RadioQuestion, SelectQuestion } from './fields/ChoiceQuestion';
import { DateQuestion } from './fields/DateQuestion';
import { FileQuestion } from './fields/FileQuestion';
import { NumberQuestion } from './fields/NumberQuestion';
import { TextQuestion } from './fields/TextQuestion';
import type { QuestionFieldProps } from './fields/types';

/** The control for one question of the definition, by its type. */
export function QuestionField(props: QuestionFieldProps) {
  const { question } = props;
  switch (question.type) {
    case 'text':
    case 'textarea':
    case 'cccd':
    case 'phone':
    case 'email':
      return <TextQuestion {...props} question={question} />;
    case 'number':
      return <NumberQuestion {...props} question={question} />;
    case 'date':
      return <DateQuestion {...props} question={question} />;
    case 'radio':
      return <RadioQuestion {...props} question={question} />;
    case 'select':
      return <SelectQuestion {...props} question={question} />;
    case 'checkbox':
      return <CheckboxQuestion {...props} question={question} />;
    case 'address':
      return <AddressQuestion {...props} question={question} />;
    case 'file':
      return <FileQuestion {...props} question={question} />;
  }
}
