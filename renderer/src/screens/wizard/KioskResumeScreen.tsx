import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ContractError } from '../../../../electron/contract/index';
import { api } from '../../api';
import { BackLink } from '../../components/BackLink';
import { KioskKeyboard } from '../../keyboard/KioskKeyboard';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { ScreenHeading } from '../../components/ScreenHeading';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useKioskSession } from '../../kiosk/KioskSession';
import { dateAnswer, type DateParts } from '../../wizard/fields/dateParts';
import { wizardPath } from '../../wizard/WizardContext';

type Problem = { code?: string; dateOfBirth?: string; notFound?: boolean; other?: unknown };

/** "Tiếp tục hồ sơ đã lưu": the retrieval code and the date of birth given in the draft. */
export default function KioskResumeScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [dob, setDob] = useState<DateParts>({ day: '', month: '', year: '' });
  const [problem, setProblem] = useState<Problem>({});
  const [focusKey, setFocusKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const { store } = useKioskSession();

  const items: SummaryItem[] = [
    ...(problem.code ? [{ target: 'resume-code', text: problem.code }] : []),
    ...(problem.dateOfBirth ? [{ target: 'resume-dob', text: problem.dateOfBirth }] : []),
    ...(problem.notFound ? [{ target: 'resume-code', text: t('resume.notFound') }] : []),
  ];
  useDocumentTitle(t('resume.title'), items.length > 0 || problem.other !== undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = code.replace(/[\s-]/g, '');
    const iso = dateAnswer(dob);
    const next: Problem = {};
    if (trimmed.length < 4 || trimmed.length > 12) next.code = t('resume.codeRequired');
    if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) next.dateOfBirth = t('resume.dobRequired');
    if (next.code || next.dateOfBirth) {
      setProblem(next);
      setFocusKey((k) => k + 1);
      return;
    }
    setBusy(true);
    try {
      const draft = await api.drafts.resume({ retrievalCode: trimmed, dateOfBirth: iso! });
      store.adopt(draft.id, 'resumed');
      void navigate(wizardPath('kiosk', draft.procedureCode, draft.id, 'tiep-tuc'));
    } catch (error) {
      setProblem(error instanceof ContractError && error.code === 'NOT_FOUND' ? { notFound: true } : { other: error });
      setFocusKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  };

  const dobItem = (part: keyof DateParts, label: string, width: string) => (
    <div className="date-input__item">
      <label className="label date-input__label" htmlFor={part === 'day' ? 'resume-dob' : `resume-dob-${part}`}>
        {label}
      </label>
      <input
        id={part === 'day' ? 'resume-dob' : `resume-dob-${part}`}
        className={`input date-input__input input--width-${width}${problem.dateOfBirth ? ' input--error' : ''}`}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={dob[part]}
        onChange={(event) => setDob({ ...dob, [part]: event.target.value })}
      />
    </div>
  );

  const codeError = problem.code ?? (problem.notFound ? t('resume.notFound') : undefined);
  return (
    <>
      <BackLink to="/kiosk" />
      {items.length > 0 && <ErrorSummary items={items} focusKey={focusKey} />}
      {problem.other !== undefined && <ErrorPanel error={problem.other} />}
      <ScreenHeading>{t('resume.title')}</ScreenHeading>
      <p className="lead">{t('resume.lead')}</p>
      <form noValidate onSubmit={(event) => void submit(event)} className="form">
        <div className={codeError ? 'form-group form-group--error' : 'form-group'}>
          <label className="label" htmlFor="resume-code">
            {t('resume.codeLabel')}
          </label>
          <div id="resume-code-hint" className="hint">
            {t('resume.codeHint')}
          </div>
          {codeError && <ErrorMessage id="resume-code-error">{codeError}</ErrorMessage>}
          <input
            id="resume-code"
            className={`input input--code${codeError ? ' input--error' : ''}`}
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            aria-describedby={codeError ? 'resume-code-hint resume-code-error' : 'resume-code-hint'}
            aria-invalid={codeError ? true : undefined}
          />
        </div>
        <div className={problem.dateOfBirth ? 'form-group form-group--error' : 'form-group'}>
          <fieldset className="fieldset" aria-describedby={problem.dateOfBirth ? 'resume-dob-hint resume-dob-error' : 'resume-dob-hint'}>
            <legend className="fieldset__legend">{t('resume.dobLegend')}</legend>
            <div id="resume-dob-hint" className="hint">
              {t('wizard.dateHint')}
            </div>
            {problem.dateOfBirth && <ErrorMessage id="resume-dob-error">{problem.dateOfBirth}</ErrorMessage>}
            <div className="date-input">
              {dobItem('day', t('wizard.day'), '2')}
              {dobItem('month', t('wizard.month'), '2')}
              {dobItem('year', t('wizard.year'), '4')}
            </div>
          </fieldset>
        </div>
        <button type="submit" className="button button--continue" aria-disabled={busy || undefined}>
          {t('wizard.continue')}
        </button>
      </form>
      <KioskKeyboard />
    </>
  );
}
