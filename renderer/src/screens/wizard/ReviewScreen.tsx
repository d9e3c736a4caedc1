import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ValidationReport } from '../../../../electron/contract/drafts';
import type { FieldError } from '../../../../electron/contract/errors';
import { api } from '../../api';
import { BackLink } from '../../components/BackLink';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { ScreenHeading } from '../../components/ScreenHeading';
import { validationErrorsOf } from '../../errors';
import { formatDateVi } from '../../../../electron/contract/answers/index';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useLanguage } from '../../hooks/useLanguage';
import { useKioskSession } from '../../kiosk/KioskSession';
import { getAt, pathOwns } from '../../wizard/answerPaths';
import { AnswerText } from '../../wizard/answerText';
import { feeQuote } from '../../wizard/facts';
import { errorMessage } from '../../wizard/fieldErrors';
import { allQuestions, kioskPages, stepQuestions, type AskedQuestion } from '../../wizard/pages';
import { fullLabel } from '../../wizard/questionText';
import { feeText } from '../../wizard/ProcedureFacts';
import { TaskList } from '../../wizard/TaskList';
import { useWizard } from '../../wizard/WizardContext';
import { MissingDocuments } from './MissingDocuments';
import { fromReview, pageAddress } from './KioskQuestionScreen';

/**
 * "Kiểm tra thông tin" (GOV.UK check answers): every answer with a "Sửa" link, the papers still
 * to scan, the fee and the expected date, then "Gửi hồ sơ". The app checks again on submit; what it
 * refuses is listed at the top, each error linking to its question.
 */
export default function ReviewScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const { definition, answers, mode, to, flush } = useWizard();
  const [report, setReport] = useState<ValidationReport | null>(null);
  const [reportKey, setReportKey] = useState(0);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const { store } = useKioskSession();
  useDocumentTitle(t('review.title'), errors.length > 0 || failure !== null);

  // What is still missing, as the app sees the saved draft.
  useEffect(() => {
    let current = true;
    flush()
      .then((id) => (id ? api.drafts.validate({ id }) : null))
      .then(
        (r) => current && r && setReport(r),
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [flush, reportKey]);

  const editLink = (q: AskedQuestion): string =>
    mode === 'kiosk' ? to(pageAddress({ kind: 'question', ...q }), { tu: fromReview }) : to(`buoc/${definition.steps[q.stepIndex]!.id}`, { truong: q.path });

  const asked = allQuestions(definition, answers);
  const summary: SummaryItem[] = errors.map((e) => {
    const q = asked.find((a) => pathOwns(a.path, e.path));
    if (q) return { target: null, to: editLink(q), text: errorMessage(e, lang) };
    if (e.path.startsWith('documents.')) return { target: 'missing-documents', text: errorMessage(e, lang) };
    return { target: null, text: errorMessage(e, lang) };
  });

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const id = await flush();
      if (!id) throw new Error('no draft');
      const result = await api.dossiers.submit({ draftId: id });
      if (mode === 'kiosk') store.adopt(result.dossierId, 'dossier');
      void navigate(`/${mode}/da-nop/${result.dossierId}`);
    } catch (error) {
      const fields = validationErrorsOf(error);
      if (fields && fields.length > 0) {
        setErrors(fields);
        setFocusKey((k) => k + 1);
      } else {
        setErrors([]);
        setFailure(error);
        setFocusKey((k) => k + 1);
      }
      setReportKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  };

  const pages = kioskPages(definition, answers);
  const back = mode === 'kiosk' ? to(pageAddress(pages[pages.length - 1])) : to(`buoc/${definition.steps[definition.steps.length - 1]!.id}`);
  const fees = feeQuote(definition, answers);
  const content = (
    <>
      <BackLink to={back} />
      {summary.length > 0 && <ErrorSummary items={summary} focusKey={focusKey} />}
      {failure !== null && <ErrorPanel error={failure} title={t('review.submitFailedTitle')} />}
      <ScreenHeading>{t('review.title')}</ScreenHeading>
      <p className="lead">{t('review.lead', { procedure: definition.name })}</p>
      {definition.steps.map((step, stepIndex) => {
        const rows = stepQuestions(definition, stepIndex, answers);
        if (rows.length === 0) return null;
        return (
          <section key={step.id} aria-labelledby={`review-${step.id}`}>
            <h2 id={`review-${step.id}`} className="heading-m">
              {step.title}
            </h2>
            <dl className="summary-list">
              {rows.map((q) => (
                <div className="summary-list__row" key={q.path}>
                  <dt className="summary-list__key">{fullLabel(q, t)}</dt>
                  <dd className="summary-list__value">
                    <AnswerText question={q.question} value={getAt(answers, q.path)} />
                  </dd>
                  <dd className="summary-list__actions">
                    <Link to={editLink(q)}>
                      {t('review.change')}
                      <span className="visually-hidden"> {fullLabel(q, t)}</span>
                    </Link>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
      <MissingDocuments report={report} onChanged={() => setReportKey((k) => k + 1)} />
      <h2 className="heading-m">{t('review.feeAndTimeHeading')}</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('start.fee')}</dt>
          <dd className="summary-list__value">
            {fees.lines.length === 0 && t('start.free')}
            {fees.lines.map((line) => (
              <span className="facts__line" key={line.label}>
                {feeText(line, t)}
              </span>
            ))}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('review.expectedDate')}</dt>
          <dd className="summary-list__value">
            {report &&
              (definition.processing.workingDays === 0
                ? t('review.expectedSameDay', { date: formatDateVi(report.expectedResultDate) })
                : t('review.expectedDateValue', { date: formatDateVi(report.expectedResultDate), count: definition.processing.workingDays }))}
          </dd>
        </div>
      </dl>
      <h2 className="heading-m">{t('review.sendHeading')}</h2>
      <p className="body">{t('review.sendBody')}</p>
      <button type="button" className="button button--start" aria-disabled={busy || undefined} onClick={() => void submit()}>
        {busy ? t('review.sending') : t('review.send')}
      </button>
    </>
  );
  if (mode === 'kiosk') return content;
  return (
    <div className="counter-wizard">
      <div className="counter-wizard__side">
        <TaskList current="review" />
      </div>
      <div className="counter-wizard__main">{content}</div>
    </div>
  );
}
