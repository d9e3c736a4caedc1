import { useTranslation } from 'react-i18next';
import { formatTime } from '../format';
import { useWizard } from './WizardContext';

/**
 * "Đã lưu lúc 14:03:22" after every save the app acknowledged; a failed save says so and is
 * retried. At the kiosk, the retrieval code a resident writes down to come back later.
 */
export function SaveStatus() {
  const { t } = useTranslation();
  const { draft, mode } = useWizard();
  return (
    <div className="save-status">
      <p role="status" className={draft.error !== null ? 'save-status__line save-status__line--problem' : 'save-status__line'}>
        {draft.error !== null ? t('wizard.saveFailed') : draft.savedAt ? t('wizard.savedAt', { time: formatTime(draft.savedAt) }) : ''}
      </p>
      {mode === 'kiosk' && draft.retrievalCode && (
        <p className="retrieval-code">
          {t('wizard.retrievalCodeBefore')} <strong className="retrieval-code__code">{draft.retrievalCode}</strong> — {t('wizard.retrievalCodeAfter')}
        </p>
      )}
    </div>
  );
}
