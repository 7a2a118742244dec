// Answers written by fast-json-stringify from each contract's JSON Schema (decision 0028): only the
// declared fields are written, whatever the handler returns, without walking the answer through zod on
// every request. Tests build the app with `checkAnswers`, which also encodes every answer with zod and
// fails the request when the two differ (or zod refuses it), so a handler's slip still fails a test.
import { isDeepStrictEqual } from 'node:util';
import fastJson from 'fast-json-stringify';
import { safeEncode, z } from 'zod';

type JsonSchema = Record<string, unknown>;

/**
 * zod writes a nullable value as `anyOf: [X, { type: 'null' }]`, which fast-json-stringify can only settle
 * by validating each value with Ajv. Where X has a plain type this says the same as `type: [X, 'null']`,
 * which it writes directly.
 */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (typeof node !== 'object' || node === null) return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) out[key] = simplify(value);
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2 && Object.keys(out).length === 1) {
    const nullIndex = anyOf.findIndex(
      (s) =>
        typeof s === 'object' &&
        s !== null &&
        (s as JsonSchema).type === 'null' &&
        Object.keys(s).length === 1,
    );
    const other = anyOf[1 - nullIndex] as JsonSchema | undefined;
    if (nullIndex >= 0 && other && typeof other.type === 'string' && other.anyOf === undefined) {
      const merged: JsonSchema = { ...other, type: [other.type, 'null'] };
      // An enum must name null too, or null would be refused.
      if (Array.isArray(other.enum)) merged.enum = [...other.enum, null];
      if ('const' in other) {
        merged.enum = [other.const, null];
        delete merged.const;
      }
      return merged;
    }
  }
  return out;
}

/** The JSON Schema of what an answer looks like on the wire. */
export function answerJsonSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io: 'output',
    target: 'draft-7',
    unrepresentable: 'any',
    reused: 'inline',
  });
  delete (json as JsonSchema).$schema;
  return simplify(json) as JsonSchema;
}

type SerializerInput = { schema: unknown; method: string; url: string };

export function answerSerializerCompiler(options: { checkAnswers: boolean }) {
  return ({ schema, method, url }: SerializerInput): ((data: unknown) => string) => {
    const zodSchema = schema as z.ZodType;
    const stringify = fastJson(answerJsonSchema(zodSchema) as unknown as Parameters<typeof fastJson>[0]);
    if (!options.checkAnswers) return (data) => stringify(data);
    return (data) => {
      const written = stringify(data);
      const encoded = safeEncode(zodSchema, data);
      if (encoded.error) {
        throw new Error(`${method} ${url}: the answer does not match its contract: ${encoded.error.message}`);
      }
      const expected = JSON.stringify(encoded.data);
      if (!isDeepStrictEqual(JSON.parse(written), JSON.parse(expected))) {
        throw new Error(
          `${method} ${url}: the compiled serializer wrote ${written.slice(0, 500)} where zod gives ${expected.slice(0, 500)}`,
        );
      }
      return written;
    };
  };
}
