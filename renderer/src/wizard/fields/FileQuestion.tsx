import { useTranslation } from 'react-i18next';
import type { LeafQuestion } from '../../../../electron/contract/procedure';
import { pathDomId } from '../answerPaths';
import { FieldsetFrame } from './FieldFrame';
import type { QuestionFieldProps } from './types';

type FileQ = Extract<LeafQuestion, { type: 'file' }>;

/** A paper to scan: the official scans it at the counter (the review lists what is still missing). */
export function FileQuestion({ path, question, caption, optional, error, asPageHeading }: QuestionFieldProps<FileQ>) {
  const { t } = useTranslation();
  return (
    <FieldsetFrame id={pathDomId(path)} caption={caption} label={question.label} optional={optional} hint={question.hint} error={error} asPageHeading={asPageHeading}>
      {() => <p className="inset-text">{t('wizard.fileScannedAtCounter')}</p>}
    </FieldsetFrame>
  );
}
