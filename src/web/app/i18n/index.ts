// i18next setup: English and Spanish, chosen from the person's setting, else a choice made on this
// device, else the browser's languages. <html lang> follows the active language.
// A first open on a weak connection should wait for as few words as it can: the words of the screens
// before signing in (and of the crisis lines) come with the app in both languages; all the others come
// in one file for the language in use, fetched at once in the background, and the signed-in screens
// wait for it (allWords) — so the sign-in form never waits for a second round trip.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/domain/vocabulary.ts';
import { account as enAccount } from './en/account.ts';
import { core as enCore } from './en/core.ts';
import { crisisLines as enCrisisLines } from './en/crisis-lines.ts';
import type { en } from './en.ts';
import { account as esAccount } from './es/account.ts';
import { core as esCore } from './es/core.ts';
import { crisisLines as esCrisisLines } from './es/crisis-lines.ts';

const FIRST_WORDS = {
  en: { ...enCore, ...enAccount, ...enCrisisLines },
  es: { ...esCore, ...esAccount, ...esCrisisLines },
};

const loaded = new Map<Language, Promise<void>>();

/** All the words of a language, added to i18next once (the same promise for every caller). */
export function allWords(language: Language = currentLanguage()): Promise<void> {
  let done = loaded.get(language);
  if (!done) {
    done = (
      language === 'es' ? import('./es.ts').then((m) => m.es) : import('./en.ts').then((m) => m.en)
    ).then((words) => {
      i18n.addResourceBundle(language, 'translation', words, true, true);
    });
    // A failed fetch (offline) can be tried again by the next caller.
    done.catch(() => loaded.delete(language));
    loaded.set(language, done);
  }
  return done;
}

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
  await allWords(language).catch(() => {});
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

const CHOSEN_KEY = 'hearth.languageChosen';

/**
 * Remembers, for this tab, that the person chose a language on a screen before signing in: after signing
 * in, that choice wins over the account's saved language, and is saved to it (account-language.ts).
 */
export function markScreenChoice(language: Language): void {
  try {
    sessionStorage.setItem(CHOSEN_KEY, language);
  } catch {
    // Without storage the account's language applies after signing in, as before.
  }
}

/** The language chosen on a public screen of this tab, if any. */
export function screenChoice(): Language | null {
  try {
    const chosen = sessionStorage.getItem(CHOSEN_KEY);
    return chosen === 'en' || chosen === 'es' ? chosen : null;
  } catch {
    return null;
  }
}

export function forgetScreenChoice(): void {
  try {
    sessionStorage.removeItem(CHOSEN_KEY);
  } catch {
    // Nothing was remembered.
  }
}

/** Sets up the languages with the first words, and starts fetching all the words of the one in use. */
export async function setUpI18n(): Promise<typeof i18n> {
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: FIRST_WORDS.en }, es: { translation: FIRST_WORDS.es } },
    lng: initialLanguage(),
    // Both languages have every key (a unit test checks), so neither needs the other's words.
    fallbackLng: false,
    supportedLngs: ['en', 'es'],
    interpolation: { escapeValue: false },
    returnNull: false,
    // No promotional message in the console: Hearth's pages stay quiet.
    showSupportNotice: false,
    // A screen drawn before all the words arrived is drawn again when they do.
    react: { bindI18nStore: 'added' },
  });
  document.documentElement.lang = i18n.language;
  void allWords().catch(() => {});
  return i18n;
}
