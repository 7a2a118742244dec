// i18next setup: English and Spanish, chosen from the person's setting, else a choice made on this
// device, else the browser's languages. <html lang> follows the active language. Only the language in
// use is loaded (each is its own file), so a phone downloads the words of one language, not two.
import i18n from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/domain/vocabulary.ts';
import type { en } from './en.ts';

const words = async (language: string) =>
  language === 'es' ? (await import('./es.ts')).es : (await import('./en.ts')).en;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

const STORAGE_KEY = 'hearth.language';

export function browserLanguage(languages: readonly string[]): Language {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'es') return 'es';
    if (base === 'en') return 'en';
  }
  return 'en';
}

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'es') return saved;
  } catch {
    // Storage can be unavailable (private mode); the browser's languages still work.
  }
  return browserLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export function currentLanguage(): Language {
  return i18n.language === 'es' ? 'es' : 'en';
}

/** Switches the interface language now and remembers it on this device. */
export async function switchLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, still switched.
  }
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

/** Sets up the languages; resolves once the words of the first language are here (render after it). */
export async function setUpI18n(): Promise<typeof i18n> {
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await i18n
    .use(resourcesToBackend((language: string) => words(language)))
    .use(initReactI18next)
    .init({
      lng: initialLanguage(),
      // Both languages have every key (a unit test checks), so neither needs the other's words.
      fallbackLng: false,
      supportedLngs: ['en', 'es'],
      interpolation: { escapeValue: false },
      returnNull: false,
      // No promotional message in the console: Hearth's pages stay quiet.
      showSupportNotice: false,
    });
  document.documentElement.lang = i18n.language;
  return i18n;
}
