import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { checkAnswers } from './pages';
import { stepStatus } from './stepStatus';
import { useWizard } from './WizardContext';

/** The counter's task list: every step with "Đã xong / Đang làm / Chưa bắt đầu", then the review. */
export function TaskList({ current }: { current: string | null }) {
  const { t } = useTranslation();
  const { definition, answers, to } = useWizard();
  const errors = checkAnswers(definition, answers);
  return (
    <nav className="task-list" aria-labelledby="task-list-title">
      <h2 id="task-list-title" className="heading-s">
        {t('counterWizard.tasksHeading')}
      </h2>
      <ol className="task-list__items">
        {definition.steps.map((step, index) => {
          const status = stepStatus(definition, index, answers, errors);
          const statusId = `task-${step.id}-status`;
          return (
            <li key={step.id} className="task-list__item">
              <Link to={to(`buoc/${step.id}`)} className="task-list__link" aria-describedby={statusId} aria-current={current === step.id ? 'step' : undefined}>
                {step.title}
              </Link>
              <span id={statusId} className={`task-list__status task-list__status--${status}`}>
                {t(`counterWizard.status.${status}`)}
              </span>
            </li>
          );
        })}
        <li className="task-list__item">
          <Link to={to('kiem-tra')} className="task-list__link" aria-current={current === 'review' ? 'step' : undefined}>
            {t('review.title')}
          </Link>
        </li>
      </ol>
    </nav>
  );
}
