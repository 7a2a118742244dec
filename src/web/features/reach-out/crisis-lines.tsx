// The crisis line (call or text, with its menu keys) and the emergency number, always on the reach-out
// screens. The numbers come from the server's configuration so another country can set its own.
import { useTranslation } from 'react-i18next';
import type { CrisisLines as Lines } from '../../../shared/contracts/reach-out.ts';

const digits = (number: string) => number.replace(/[^\d+]/g, '');

export function CrisisLines({ lines, headingLevel = 2 }: { lines: Lines; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="card crisis-lines" aria-labelledby="crisis-lines-heading">
      <Heading id="crisis-lines-heading">{t('crisisLines.crisisHeading')}</Heading>
      <p>{t('crisisLines.crisisIntro')}</p>
      <div className="button-row">
        <a className="button crisis-call" href={`tel:${digits(lines.call)}`}>
          {t('crisisLines.callLine', { number: lines.call })}
        </a>
        {lines.text ? (
          <a className="button button-secondary" href={`sms:${digits(lines.text)}`}>
            {t('crisisLines.textLine', { number: lines.text })}
          </a>
        ) : null}
      </div>
      {lines.veteransKey || lines.spanishKey ? (
        <p className="crisis-menu">
          {lines.veteransKey ? t('crisisLines.veterans', { key: lines.veteransKey }) : null}{' '}
          {lines.spanishKey ? t('crisisLines.spanish', { key: lines.spanishKey }) : null}
        </p>
      ) : null}
      <p className="crisis-emergency">
        {t('crisisLines.emergency', { number: lines.emergency })}{' '}
        <a href={`tel:${digits(lines.emergency)}`}>
          {t('reachOut.callEmergency', { number: lines.emergency })}
        </a>
      </p>
    </section>
  );
}

/** A line at the foot of the public screens (signing in, invitations): the crisis line and 911. */
export function CrisisFooter({ lines }: { lines: Lines | undefined }) {
  const { t } = useTranslation();
  if (!lines) return null;
  return (
    <footer className="crisis-footer">
      <p>
        {t('crisisLines.footerLead')}{' '}
        <a href={`tel:${digits(lines.call)}`}>{t('crisisLines.callLine', { number: lines.call })}</a>
        {lines.text ? (
          <>
            {' · '}
            <a href={`sms:${digits(lines.text)}`}>{t('crisisLines.textLine', { number: lines.text })}</a>
          </>
        ) : null}
        {' · '}
        {t('crisisLines.emergency', { number: lines.emergency })}
      </p>
    </footer>
  );
}
