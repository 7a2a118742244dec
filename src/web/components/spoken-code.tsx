// A one-time code shown large, with words to read it aloud over the phone or across a room.
import { useTranslation } from 'react-i18next';

const LETTER_WORDS: Record<string, string> = {
  A: 'Alfa',
  B: 'Bravo',
  C: 'Charlie',
  D: 'Delta',
  E: 'Echo',
  F: 'Foxtrot',
  G: 'Golf',
  H: 'Hotel',
  I: 'India',
  J: 'Juliett',
  K: 'Kilo',
  L: 'Lima',
  M: 'Mike',
  N: 'November',
  O: 'Oscar',
  P: 'Papa',
  Q: 'Quebec',
  R: 'Romeo',
  S: 'Sierra',
  T: 'Tango',
  U: 'Uniform',
  V: 'Victor',
  W: 'Whiskey',
  X: 'X-ray',
  Y: 'Yankee',
  Z: 'Zulu',
};

export function SpokenCode({ code }: { code: string }) {
  const { t } = useTranslation();
  const digit = (d: string) => t(`readAloud.digits.${Number(d) as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`);
  const groups = code
    .split('-')
    .map((group) =>
      [...group.toUpperCase()].map((c) => (/[0-9]/.test(c) ? digit(c) : (LETTER_WORDS[c] ?? c))).join(' '),
    );
  return (
    <div className="spoken-code">
      <p className="code" translate="no">
        {code}
      </p>
      <p className="hint">
        <span>{t('readAloud.label')} </span>
        {groups.join(` — ${t('readAloud.dash')} — `)}
      </p>
    </div>
  );
}
