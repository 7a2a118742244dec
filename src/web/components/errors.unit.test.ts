import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { LIMIT_MESSAGES, LIMIT_REASONS, type LimitName } from '../../shared/contracts/limits.ts';
import { ApiError } from '../app/api.ts';
import { en } from '../app/i18n/en.ts';
import { es } from '../app/i18n/es.ts';
import { errorMessage } from './errors.ts';

async function translator(lng: 'en' | 'es') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { en: { translation: en }, es: { translation: es } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return i18n.t;
}

const refused = (limit: LimitName, retryAfter: number | null) =>
  new ApiError(429, 'too_many_requests', LIMIT_REASONS[limit], LIMIT_MESSAGES[limit], [], retryAfter);

describe('a refused request in words', () => {
  it('says what was refused and when to try again, in English', async () => {
    const t = await translator('en');
    expect(errorMessage(t, refused('chatMessage', 42))).toBe(
      'You are sending messages very fast. Please wait a moment, then send again. You can try again in 42 seconds.',
    );
    expect(errorMessage(t, refused('supportPost', 1500))).toMatch(/You can try again in 25 minutes\.$/);
  });

  it('speaks Spanish for every limit', async () => {
    const t = await translator('es');
    for (const limit of Object.keys(LIMIT_MESSAGES) as LimitName[]) {
      const words = errorMessage(t, refused(limit, 1));
      expect(words).toMatch(/Puedes intentarlo de nuevo en 1 segundo\.$/);
      expect(words).not.toContain(LIMIT_MESSAGES[limit]);
    }
  });

  it('falls back to plain words for a reason it has no words for', async () => {
    const t = await translator('es');
    expect(errorMessage(t, new ApiError(429, 'too_many_requests', 'request.too_many', 'Too many'))).toBe(
      es.errors.tooManyRequests,
    );
  });
});

describe('a refusal in words, by its reason', () => {
  it('names a role in the words of a sentence, in both languages', async () => {
    const problem = {
      field: 'residenceId',
      reason: 'people.residence_required',
      message: 'is required for the peer_leader role',
      params: { role: 'peer_leader' },
    };
    const error = new ApiError(400, 'validation_failed', problem.reason, problem.message, [problem]);
    const en = await translator('en');
    const es = await translator('es');
    const conflict = (reason: string) =>
      new ApiError(409, 'conflict', reason, 'This person already has the counselor role.', [
        { field: 'role', reason, message: '', params: { role: 'counselor' } },
      ]);
    expect(errorMessage(en, error)).toBe(en('errors.checkFields'));
    expect(errorMessage(en, conflict('people.already_has_role'))).toBe(
      'This person already has the counselor role.',
    );
    expect(errorMessage(es, conflict('people.already_has_role'))).toBe(
      'Esta persona ya tiene el rol de consejero/a.',
    );
  });

  it('never reads the English: an unknown invitation code is told by its reason', async () => {
    const t = await translator('es');
    const error = new ApiError(404, 'not_found', 'invitations.code_not_found', 'Anything at all');
    expect(errorMessage(t, error)).toBe(es.reasons.invitations.code_not_found);
  });
});
