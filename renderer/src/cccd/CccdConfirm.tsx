import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateVi } from '../../../electron/contract/answers/dates';
import { acceptedFill, cccdFieldLabels, cccdFieldNames, planCccdFill, type CccdData, type CccdFillTarget } from '../../../electron/contract/cccd/index';
import { useLanguage } from '../hooks/useLanguage';
import { getAt } from '../wizard/answerPaths';
import { useWizard } from '../wizard/WizardContext';
import { displayValue } from './displayValue';

function cardText(data: CccdData, field: (typeof cccdFieldNames)[number], words: { absent: string; male: string; female: string }): string {
  const value = data[field];
  if (value === null) return words.absent;
  if (field === 'sex') return value === 'male' ? words.male : words.female;
  if (field === 'dateOfBirth' || field === 'issueDate') return formatDateVi(value);
  return value;
}

/**
 * What the card says, and what it would change: nothing is filled until the person confirms, and
 * an answer already typed that differs is shown beside the card's value for them to choose
 * (kept by default: nothing typed is overwritten silently).
 */
export function CccdConfirm({ data, targets, onDone, onCancel }: { data: CccdData; targets: readonly CccdFillTarget[]; onDone: (filled: number) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { answers, setAnswer } = useWizard();
  const [useCard, setUseCard] = useState<ReadonlySet<string>>(new Set());
  const items = planCccdFill(targets, (path) => getAt(answers, path), data);
  const conflicts = items.filter((i) => i.action === 'conflict');
  const byPath = new Map(targets.map((target) => [target.path, target.question]));
  const hasAddress = targets.some((target) => target.question.type === 'address' && target.question.cccdField === 'address');

  const confirm = () => {
    const accepted = acceptedFill(items, useCard);
    for (const { path, value } of accepted) setAnswer(path, value);
    onDone(accepted.length);
  };
  const choose = (path: string, card: boolean) =>
    setUseCard((previous) => {
      const next = new Set(previous);
      if (card) next.add(path);
      else next.delete(path);
      return next;
    });

  return (
    <div className="cccd-confirm">
      <h2 id="cccd-confirm-title" className="heading-m" tabIndex={-1}>
        {t('cccd.confirmTitle')}
      </h2>
      <dl className="summary-list">
        {cccdFieldNames.map((field) => (
          <div className="summary-list__row" key={field}>
            <dt className="summary-list__key">{cccdFieldLabels[field][lang]}</dt>
            <dd className="summary-list__value" data-cccd-field={field}>
              {cardText(data, field, { absent: t('cccd.absent'), male: t('cccd.male'), female: t('cccd.female') })}
            </dd>
          </div>
        ))}
      </dl>
      {hasAddress && <p className="inset-text">{t('cccd.addressNote')}</p>}
      {items.length === 0 && <p className="body">{t('cccd.nothingToFill')}</p>}
      {conflicts.map((item) => {
        const question = byPath.get(item.path)!;
        const name = `cccd-conflict-${item.path}`;
        return (
          <fieldset className="fieldset cccd-conflict" key={item.path}>
            <legend className="fieldset__legend">{t('cccd.conflictLegend', { label: item.label })}</legend>
            <div className="radios">
              <div className="radios__item">
                <input id={`${name}-keep`} className="radios__input" type="radio" name={name} checked={!useCard.has(item.path)} onChange={() => choose(item.path, false)} />
                <label className="radios__label" htmlFor={`${name}-keep`}>
                  {t('cccd.keepTyped', { value: displayValue(question, item.current) })}
                </label>
              </div>
              <div className="radios__item">
                <input id={`${name}-card`} className="radios__input" type="radio" name={name} checked={useCard.has(item.path)} onChange={() => choose(item.path, true)} />
                <label className="radios__label" htmlFor={`${name}-card`}>
                  {t('cccd.useCard', { value: displayValue(question, item.proposed) })}
                </label>
              </div>
            </div>
          </fieldset>
        );
      })}
      <div className="button-group">
        <button type="button" className="button" onClick={confirm}>
          {t('cccd.confirmFill')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('cccd.cancel')}
        </button>
      </div>
    </div>
  );
}
