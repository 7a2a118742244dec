import { describe, expect, it } from 'vitest';
import { unstorableText } from './storable-text.ts';

describe('unstorableText', () => {
  it('should name each string with a NUL or half a surrogate pair, as validation errors name fields', () => {
    const found = unstorableText('body', {
      name: 'ok',
      notes: ['fine', 'a\u0000b'],
      nested: { x: '\ud800' },
    });
    expect(found).toEqual([
      {
        field: 'notes.1',
        reason: 'field.unstorable',
        message: 'must not contain the NUL character (U+0000)',
      },
      {
        field: 'nested.x',
        reason: 'field.unstorable',
        message: 'must not contain half of a surrogate pair (broken Unicode)',
      },
    ]);
  });

  it('should name a field whose name holds a NUL, escaped', () => {
    expect(unstorableText('body', { 'a\u0000': 1 })).toEqual([
      {
        field: 'a\\u0000',
        reason: 'field.unstorable',
        message: 'has a name that must not contain the NUL character (U+0000)',
      },
    ]);
  });

  it('should find nothing in text PostgreSQL stores: other control characters, emoji, a whole surrogate pair', () => {
    expect(
      unstorableText('body', { a: 'tab\there\nnew line \u001b \u007f 😀', b: 12, c: null, d: [true] }),
    ).toEqual([]);
  });

  it('should walk a body nested 50,000 deep without overflowing the stack', () => {
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    const found = unstorableText('body', deep);
    expect(found).toHaveLength(1);
    expect(found[0]!.field.startsWith('0.0.0')).toBe(true);
  });

  it('should stop after the limit', () => {
    expect(
      unstorableText(
        'body',
        Array.from({ length: 100 }, () => '\u0000'),
        5,
      ),
    ).toHaveLength(5);
  });
});
