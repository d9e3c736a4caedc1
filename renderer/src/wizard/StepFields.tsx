import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../electron/contract/errors';
import { useLanguage } from '../hooks/useLanguage';
import { getAt } from './answerPaths';
import { holds, lookupFor } from './answersValidator';
import { errorFor } from './fieldErrors';
import { groupCount, groupItems, stepQuestions, type AskedQuestion, type GroupQuestion } from './pages';
import { QuestionField } from './QuestionField';
import { itemCaption } from './questionText';
import { useWizard } from './WizardContext';

/** Every question of one step, groups as one fieldset per item with add and remove buttons. */
export function StepFields({ stepIndex, errors }: { stepIndex: number; errors: readonly FieldError[] }) {
  const { definition, answers } = useWizard();
  const asked = stepQuestions(definition, stepIndex, answers);
  const step = definition.steps[stepIndex]!;
  return (
    <>
      {step.questions.map((question) => {
        if (question.type !== 'group') {
          const q = asked.find((a) => a.path === question.id);
          return q ? <Field key={q.path} asked={q} errors={errors} /> : null;
        }
        if (!holds(question.showIf, lookupFor(answers))) return null;
        return <GroupFields key={question.id} group={question} asked={asked.filter((a) => a.group?.question === question)} errors={errors} />;
      })}
    </>
  );
}

function Field({ asked, errors }: { asked: AskedQuestion; errors: readonly FieldError[] }) {
  const lang = useLanguage();
  const { answers, setAnswer } = useWizard();
  return (
    <QuestionField
      path={asked.path}
      question={asked.question}
      optional={asked.optional}
      value={getAt(answers, asked.path)}
      onChange={(value) => setAnswer(asked.path, value)}
      error={errorFor(errors, asked.path, lang)}
      asPageHeading={false}
    />
  );
}

function GroupFields({ group, asked, errors }: { group: GroupQuestion; asked: AskedQuestion[]; errors: readonly FieldError[] }) {
  const { t } = useTranslation();
  const { answers, updateAnswers } = useWizard();
  const count = groupCount(answers, group);
  const add = () =>
    updateAnswers((a) => {
      const items = [...groupItems(a, group)];
      while (items.length <= count) items.push({});
      return { ...a, [group.id]: items };
    });
  const remove = (index: number) =>
    updateAnswers((a) => {
      const items = groupItems(a, group).filter((_, i) => i !== index);
      return { ...a, [group.id]: items };
    });
  return (
    <section className="group" aria-labelledby={`group-${group.id}`}>
      <h2 id={`group-${group.id}`} className="heading-m">
        {group.label}
      </h2>
      {group.hint && <p className="hint">{group.hint}</p>}
      {Array.from({ length: count }, (_, index) => (
        <fieldset key={index} className="fieldset group__item">
          <legend className="fieldset__legend group__legend">{itemCaption(group, index, t)}</legend>
          {asked
            .filter((a) => a.group?.index === index)
            .map((a) => (
              <Field key={a.path} asked={a} errors={errors} />
            ))}
          {count > group.minItems && (
            <button type="button" className="button button--secondary" onClick={() => remove(index)}>
              {t('counterWizard.removeItem', { item: itemCaption(group, index, t) })}
            </button>
          )}
        </fieldset>
      ))}
      {count < group.maxItems && (
        <button type="button" className="button button--secondary" onClick={add}>
          {t('counterWizard.addItem', { item: group.itemLabel })}
        </button>
      )}
    </section>
  );
}
