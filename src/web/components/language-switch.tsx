// English / Español, each written in its own language so anyone can find theirs. No label of its own:
// the two buttons say what they are, and "Language" stays the label of the account's language field.
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../app/i18n/index.ts';

export function LanguageSwitch() {
  const { i18n } = useTranslation();
  return (
    <div className="language-switch">
      <button
        type="button"
        lang="en"
        aria-pressed={i18n.language === 'en'}
        onClick={() => void switchLanguage('en')}
      >
        English
      </button>
      <button
        type="button"
        lang="es"
        aria-pressed={i18n.language === 'es'}
        onClick={() => void switchLanguage('es')}
      >
        Español
      </button>
    </div>
  );
}
