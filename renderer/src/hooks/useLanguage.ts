import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n';

/** The language on screen now (re-renders when it changes). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
}
