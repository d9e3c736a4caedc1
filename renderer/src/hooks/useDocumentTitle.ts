import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Every screen names itself in the window title; a screen showing errors starts it with "Lỗi:". */
export function useDocumentTitle(screen: string, hasErrors = false): void {
  const { t } = useTranslation();
  const title = t('app.documentTitle', { screen });
  const full = hasErrors ? t('app.errorTitlePrefix', { title }) : title;
  useEffect(() => {
    document.title = full;
  }, [full]);
}
