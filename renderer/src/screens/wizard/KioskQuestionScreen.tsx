import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import type { FieldError } from '../../../../electron/contract/errors';
import { CccdScanPanel } from '../../cccd/CccdScanPanel';
import { cccdTargets } from '../../cccd/targets';
import { BackLink } from '../../components/BackLink';
import { KioskKeyboard } from '../../keyboard/KioskKeyboard';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useLanguage } from '../../hooks/useLanguage';
import { getAt, pathDomId, pathOwns } from '../../wizard/answerPaths';
import { errorFor, errorMessage, errorsOf } from '../../wizard/fieldErrors';
import { checkAnswers, kioskPages, moreSuffix, type KioskPage } from '../../wizard/pages';
import { QuestionField } from '../../wizard/QuestionField';
import { captionOf, itemCaption } from '../../wizard/questionText';
import { SaveStatus } from '../../wizard/SaveStatus';
import { useWizard } from '../../wizard/WizardContext';
import { MorePage } from './MorePage';

export const fromReview = 'kiem-tra';

/** One question per page (GOV.UK question page); keyed by the answer's path so each page starts fresh. */
export default function KioskQuestionScreen() {
  const { key = '' } = useParams();
  const { definition, answers, to } = useWizard();
  const pages = kioskPages(definition, answers);
  const index = pages.findIndex((p) => p.path === key);
  const page = pages[index];
  if (!page) {
    // "Add another? Yes" fills the group: its page is gone before the address changes. Go where
    // that answer leads (the new item's first question), as the page itself does.
    const group = key.endsWith(moreSuffix) ? key.slice(0, -moreSuffix.length) : null;
    const newItem = group ? pages.filter((p) => p.kind === 'question' && p.group?.question.id === group).at(-1) : undefined;
    const first = newItem?.kind === 'question' ? pages.find((p) => p.kind === 'question' && p.group?.question.id === group && p.group.index === newItem.group?.index) : undefined;
    return <Navigate to={first ? to(pageAddress(first)) : to()} replace />;
  }
  return <QuestionPage key={key} page={page} index={index} pages={pages} />;
}

export function pageAddress(page: KioskPage | undefined): string {
  return page ? `cau/${encodeURIComponent(page.path)}` : 'kiem-tra';
}

function QuestionPage({ page, index, pages }: { page: KioskPage; index: number; pages: KioskPage[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const wizard = useWizard();
  const { definition, answers, setAnswer, to } = wizard;
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  // Bumped when the card filled answers: the field re-reads its value.
  const [filled, setFilled] = useState(0);
  const targets = page.kind === 'question' && page.question.cccdField ? cccdTargets(definition, page.stepIndex, answers, page.group?.index) : [];
  const returnToReview = params.get('tu') === fromReview;

  const title = page.kind === 'question' ? page.question.label : t('wizard.moreTitle', { item: page.group.itemLabel });
  useDocumentTitle(title, errors.length > 0);

  const back = returnToReview ? to('kiem-tra') : index === 0 ? to() : to(pageAddress(pages[index - 1]));
  const next = () => {
    // The pages after this one may change with this answer (a condition): ask the list again.
    const after = kioskPages(definition, wizard.answers);
    const here = after.findIndex((p) => p.path === page.path);
    if (!returnToReview) {
      void navigate(to(pageAddress(after[here + 1])));
      return;
    }
    // Changing an answer from the review: ask the questions it brought in, then back to the review.
    const errors = checkAnswers(definition, wizard.answers);
    const needed = after.slice(here + 1).find((p) => p.kind === 'question' && errors.some((e) => pathOwns(p.path, e.path)));
    void navigate(needed ? to(pageAddress(needed), { tu: fromReview }) : to('kiem-tra'));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (page.kind !== 'question') return;
    const found = errorsOf(checkAnswers(definition, answers), [page.path]);
    setErrors(found);
    if (found.length > 0) {
      setFocusKey((k) => k + 1);
      return;
    }
    next();
  };

  const summary = errors.map((e) => ({ target: pathDomId(page.path), text: errorMessage(e, lang) }));
  const caption = page.kind === 'question' ? captionOf(page, t) : undefined;

  return (
    <>
      <BackLink to={back} />
      {summary.length > 0 && <ErrorSummary items={summary} focusKey={focusKey} />}
      <p className="progress">{t('wizard.progress', { number: index + 1, total: pages.length })}</p>
      {page.kind === 'question' ? (
        <form noValidate onSubmit={submit} className="form question-form">
          <QuestionField
            key={filled}
            path={page.path}
            question={page.question}
            caption={caption}
            optional={page.optional}
            value={getAt(answers, page.path)}
            onChange={(value) => setAnswer(page.path, value)}
            error={errorFor(errors, page.path, lang)}
            asPageHeading
          />
          <button type="submit" className="button button--continue">
            {t('wizard.continue')}
          </button>
        </form>
      ) : (
        <MorePage page={page} caption={itemCaption(page.group, page.count, t)} onDone={next} />
      )}
      {targets.length > 0 && <CccdScanPanel targets={targets} onFilled={() => setFilled((n) => n + 1)} />}
      {page.kind === 'question' && <KioskKeyboard />}
      <SaveStatus />
    </>
  );
}
