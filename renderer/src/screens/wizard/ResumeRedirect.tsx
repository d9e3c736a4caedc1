import { Navigate } from 'react-router';
import { pathOwns } from '../../wizard/answerPaths';
import { checkAnswers, kioskPages } from '../../wizard/pages';
import { useWizard } from '../../wizard/WizardContext';
import { pageAddress } from './KioskQuestionScreen';

/** Back to a saved draft: the first question still unanswered (or wrong), or the review when none is. */
export default function ResumeRedirect() {
  const { definition, answers, to } = useWizard();
  const errors = checkAnswers(definition, answers);
  const first = kioskPages(definition, answers).find((p) => p.kind === 'question' && errors.some((e) => pathOwns(p.path, e.path)));
  return <Navigate to={to(pageAddress(first))} replace />;
}
