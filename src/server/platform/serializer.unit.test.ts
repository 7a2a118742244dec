import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answerSerializerCompiler } from './serializer.ts';

const Answer = z.object({
  id: z.uuid(),
  name: z.string(),
  note: z.string().nullable(),
  kind: z.enum(['house', 'thread']).nullable(),
  count: z.number().int(),
  nested: z.object({ day: z.string() }).nullable(),
  list: z.array(z.object({ a: z.string(), b: z.number().optional() })),
});
const id = '0b9f6a52-8f3e-4a55-9a51-3b8a4e4f6a10';
const answer = { id, name: 'Ana', note: null, kind: null, count: 2, nested: null, list: [{ a: 'x' }] };
const compile = (checkAnswers: boolean) =>
  answerSerializerCompiler({ checkAnswers })({ schema: Answer, method: 'GET', url: '/api/test' });

describe('answers written by the compiled serializer', () => {
  it('writes what zod writes, nulls and optional fields included', () => {
    const written = compile(true)({ ...answer, kind: 'house', nested: { day: '2026-12-07' } });
    expect(JSON.parse(written)).toEqual({ ...answer, kind: 'house', nested: { day: '2026-12-07' } });
    expect(JSON.parse(compile(true)(answer))).toEqual(answer);
  });

  it('never writes a field the contract does not declare, at any depth', () => {
    const leaky = {
      ...answer,
      passwordHash: 'secret',
      nested: { day: '2026-12-07', authorId: 'x' },
      list: [{ a: 'x', private: 'y' }],
    };
    const written = compile(false)(leaky);
    expect(written).not.toContain('secret');
    expect(written).not.toContain('authorId');
    expect(written).not.toContain('private');
    expect(compile(true)(leaky)).toBe(written);
  });

  it('under tests, refuses an answer zod refuses (a wrong type, a missing field)', () => {
    expect(() => compile(true)({ ...answer, count: '2' })).toThrow(/does not match its contract/);
    expect(() => compile(true)({ ...answer, name: undefined })).toThrow();
  });
});
