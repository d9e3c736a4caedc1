import { useTranslation } from 'react-i18next';

/** The inline error above a field: red, bold, with a hidden "Lỗi:" for screen readers. */
export function ErrorMessage({ id, children }: { id: string; children: string }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="error-message">
      <span className="visually-hidden">{t('common.errorPrefix')} </span>
      {children}
    </p>
  );
}
