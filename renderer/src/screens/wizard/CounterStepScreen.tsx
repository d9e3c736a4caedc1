import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import type { FieldError } from '../../../../electron/contract/errors';
import { CccdScanPanel } from '../../cccd/CccdScanPanel';
import { cccdTargets } from '../../cccd/targets';
import { BackLink } from '../../components/BackLink';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useLanguage } from '../../hooks/useLanguage';
import { pathDomId } from '../../wizard/answerPaths';
import { enterAdvances } from '../../wizard/enterAdvances';
import { errorMessage, errorsOf } from '../../wizard/fieldErrors';
import { checkAnswers, stepQuestions } from '../../wizard/pages';
import { ProcedureFacts } from '../../wizard/ProcedureFacts';
import { SaveStatus } from '../../wizard/SaveStatus';
import { StepFields } from '../../wizard/StepFields';
import { TaskList } from '../../wizard/TaskList';
import { useWizard } from '../../wizard/WizardContext';

/** Counter mode: one step of the procedure as a dense form, beside the task list of all steps. */
export default function CounterStepScreen() {
  const { stepId } = useParams();
  const { definition, to } = useWizard();
  const index = stepId === undefined ? 0 : definition.steps.findIndex((s) => s.id === stepId);
  if (index === -1) return <Navigate to={to()} replace />;
  return <StepForm key={index} stepIndex={index} />;
}

function useCtrlS(save: () => void) {
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function StepForm({ stepIndex }: { stepIndex: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { definition, answers, to, flush } = useWizard();
  const step = definition.steps[stepIndex]!;
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [focusKey, setFocusKey] = useState(0);
  // Bumped when the card filled answers: fields that keep what is being typed re-read them.
  const [filled, setFilled] = useState(0);
  const targets = cccdTargets(definition, stepIndex, answers);
  useDocumentTitle(t('counterWizard.screen', { step: step.title, procedure: definition.name }), errors.length > 0);

  // Arriving from an error on the review page: the field it named takes the focus.
  const focusPath = params.get('truong');
  useEffect(() => {
    if (focusPath) document.getElementById(pathDomId(focusPath))?.focus();
  }, [focusPath]);

  useCtrlS(() => {
    flush().then(
      () => setFailure(null),
      (error: unknown) => setFailure(error),
    );
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const paths = stepQuestions(definition, stepIndex, answers).map((q) => q.path);
    const found = errorsOf(checkAnswers(definition, answers), paths);
    setErrors(found);
    if (found.length > 0) {
      setFocusKey((k) => k + 1);
      return;
    }
    const nextStep = definition.steps[stepIndex + 1];
    void navigate(nextStep ? to(`buoc/${nextStep.id}`) : to('kiem-tra'));
  };

  const summary = errors.map((e) => ({ target: pathDomId(e.path), text: errorMessage(e, lang) }));
  const previous = definition.steps[stepIndex - 1];
  return (
    <div className="counter-wizard">
      <div className="counter-wizard__side">
        <TaskList current={step.id} />
        <details className="details">
          <summary className="details__summary">{t('counterWizard.factsHeading')}</summary>
          <div className="details__text">
            <ProcedureFacts definition={definition} headingLevel={3} />
          </div>
        </details>
      </div>
      <div className="counter-wizard__main">
        <BackLink to={previous ? to(`buoc/${previous.id}`) : '/counter/thu-tuc'} />
        {summary.length > 0 && <ErrorSummary items={summary} focusKey={focusKey} />}
        {failure !== null && <ErrorPanel error={failure} title={t('wizard.saveFailedTitle')} />}
        <p className="caption caption--above">{t('counterWizard.stepCaption', { number: stepIndex + 1, total: definition.steps.length, procedure: definition.name })}</p>
        <ScreenHeading>{step.title}</ScreenHeading>
        {step.description && <p className="body">{step.description}</p>}
        <SaveStatus />
        {targets.length > 0 && <CccdScanPanel targets={targets} onFilled={() => setFilled((n) => n + 1)} />}
        <form noValidate onSubmit={submit} onKeyDown={enterAdvances} className="form form--counter">
          <StepFields key={filled} stepIndex={stepIndex} errors={errors} />
          <div className="button-group">
            <button type="submit" className="button">
              {definition.steps[stepIndex + 1] ? t('counterWizard.saveContinue') : t('counterWizard.toReview')}
            </button>
          </div>
        </form>
        <p className="body-s shortcut-hint">{t('counterWizard.shortcuts')}</p>
      </div>
    </div>
  );
}
