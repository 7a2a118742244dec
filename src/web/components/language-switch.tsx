// English / Español, each written in its own language so anyone can find theirs. No label of its own:
// the two buttons say what they are, and "Language" stays the label of the account's language field.
// Chosen before signing in, the language is marked as the person's choice, so the account's saved
// language does not undo it after sign-in (app/account-language.ts saves it to the profile instead).
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/domain/vocabulary.ts';
import { useSaveLanguage } from '../app/account-language.ts';
import { markScreenChoice, switchLanguage } from '../app/i18n/index.ts';
import { MeContext } from '../app/session.ts';

export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const signedIn = useContext(MeContext) !== null;
  const save = useSaveLanguage();
  const choose = (language: Language) => {
    if (signedIn) save(language);
    else markScreenChoice(language);
    void switchLanguage(language);
  };
  return (
    <div className="language-switch">
      <button type="button" lang="en" aria-pressed={i18n.language === 'en'} onClick={() => choose('en')}>
        English
      </button>
      <button type="button" lang="es" aria-pressed={i18n.language === 'es'} onClick={() => choose('es')}>
        Español
      </button>
    </div>
  );
}
