import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '../../../shared/domain/notifications.ts';
import { pushWords } from './push-words.ts';

describe('pushWords', () => {
  it('should have a lock-screen line for every known kind in both languages', () => {
    for (const kind of NOTIFICATION_KINDS) {
      for (const language of ['en', 'es']) {
        expect(pushWords(kind, language).title, `${kind} (${language})`).not.toBe('Hearth');
      }
    }
  });

  it('should fall back to a plain line for a kind it does not know, and to English for another language', () => {
    expect(pushWords('something_new', 'es')).toEqual({ title: 'Hearth', body: 'Hay algo nuevo para ti.' });
    expect(pushWords('chat_message', 'fr').title).toBe('New message');
  });
});
