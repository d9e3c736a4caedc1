import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { itemPath } from '../../wizard/answerPaths';
import { FieldsetFrame } from '../../wizard/fields/FieldFrame';
import type { KioskPage } from '../../wizard/pages';
import { useWizard } from '../../wizard/WizardContext';

type More = Extract<KioskPage, { kind: 'more' }>;

/** "Bạn có muốn thêm người con khác không?": yes adds an item to the group and asks it. */
export function MorePage({ page, caption, onDone }: { page: More; caption: string; onDone(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { updateAnswers, to } = useWizard();
  const [choice, setChoice] = useState<'yes' | 'no' | null>(null);
  const [error, setError] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const id = `field-${page.group.id}-more`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choice === null) {
      setError(true);
      setFocusKey((k) => k + 1);
      return;
    }
    if (choice === 'no') {
      onDone();
      return;
    }
    updateAnswers((answers) => {
      const items = Array.isArray(answers[page.group.id]) ? [...(answers[page.group.id] as unknown[])] : [];
      while (items.length <= page.count) items.push({});
      return { ...answers, [page.group.id]: items };
    });
    const first = page.group.questions[0];
    void navigate(to(`cau/${encodeURIComponent(itemPath(page.group.id, page.count, first?.id))}`));
  };

  const message = t('wizard.moreRequired', { item: caption });
  return (
    <>
      {error && <ErrorSummary items={[{ target: id, text: message }]} focusKey={focusKey} />}
      <form noValidate onSubmit={submit} className="form question-form">
        <FieldsetFrame id={id} label={t('wizard.moreTitle', { item: page.group.itemLabel })} optional={false} error={error ? message : undefined} asPageHeading>
          {() => (
            <div className="radios">
              {(['yes', 'no'] as const).map((value, index) => (
                <div className="radios__item" key={value}>
                  <input
                    id={index === 0 ? id : `${id}-${value}`}
                    className="radios__input"
                    type="radio"
                    name={id}
                    value={value}
                    checked={choice === value}
                    onChange={() => setChoice(value)}
                  />
                  <label className="radios__label" htmlFor={index === 0 ? id : `${id}-${value}`}>
                    {value === 'yes' ? t('wizard.yes') : t('wizard.no')}
                  </label>
                </div>
              ))}
            </div>
          )}
        </FieldsetFrame>
        <button type="submit" className="button button--continue">
          {t('wizard.continue')}
        </button>
      </form>
    </>
  );
}
