import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import vi from './vi.json';

export type Language = 'vi' | 'en';

// The two files must have the same keys: a missing English text fails the type check here.
const enChecked: typeof vi = en;
const viChecked: typeof en = vi;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}

/** Bundled resources, initialised synchronously: no HTTP backend, nothing fetched (the CSP forbids it anyway). */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: 'vi',
  fallbackLng: 'vi',
  supportedLngs: ['vi', 'en'],
  resources: { vi: { translation: viChecked }, en: { translation: enChecked } },
  initAsync: false,
  // React escapes text itself.
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
  returnNull: false,
});

/** `<html lang>` follows the language, so screen readers pronounce the page correctly. */
function syncHtmlLang(lng: string): void {
  document.documentElement.lang = lng;
}
syncHtmlLang(i18n.language);
i18n.on('languageChanged', syncHtmlLang);

export function currentLanguage(): Language {
  return i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
}

export function setLanguage(lng: Language): void {
  if (i18n.language !== lng) void i18n.changeLanguage(lng);
}
