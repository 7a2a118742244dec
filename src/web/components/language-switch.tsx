// English / Español, each written in its own language so anyone can find theirs.
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../app/i18n/index.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <nav className="language-switch" aria-label={t('language.switchLabel')}>
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
    </nav>
  );
}
