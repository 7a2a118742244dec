import { useTranslation } from 'react-i18next';
import { NARR_LEVELS, type NarrLevel } from '../../../shared/domain/vocabulary.ts';
import { romanLevel } from '../../components/format.ts';

const asLevel = (n: number): NarrLevel | null =>
  (NARR_LEVELS as readonly number[]).includes(n) ? (n as NarrLevel) : null;

/** "NARR level II: monitored", in words, with what that level means. */
export function NarrLevelText({
  level,
  withDescription = true,
}: {
  level: number;
  withDescription?: boolean;
}) {
  const { t } = useTranslation();
  const known = asLevel(level);
  if (!known) return <>{t('narr.level', { level: romanLevel(level), name: '' })}</>;
  return (
    <>
      {t('narr.level', { level: romanLevel(known), name: t(`narr.names.${known}`) })}
      {withDescription ? (
        <span className="hint narr-description">{t(`narr.descriptions.${known}`)}</span>
      ) : null}
    </>
  );
}
