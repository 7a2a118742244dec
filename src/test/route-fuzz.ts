// Malformed requests for every route of the OpenAPI document, generated with fast-check: a request
// valid by the route's JSON schema, then spoiled in one or two places (a NUL or another control
// character, a huge string, a date or a number out of range, a wrong type, a missing or an extra
// field, a `__proto__` key, deep nesting, a bad id, a wrong content type, a broken body).
import fc from 'fast-check';

// biome-ignore lint/suspicious/noExplicitAny: JSON schemas are read loosely
export type JsonSchema = Record<string, any>;

export type FuzzOperation = {
  method: string;
  /** Fastify's form of the path: /api/meetings/:id */
  route: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; schema: JsonSchema; required: boolean }[];
  body: JsonSchema | null;
  documented: boolean;
};

/** What a world offers the generator: real ids and other real path values, to reach past the lookups. */
export type FuzzPools = { ids: string[]; byTable: Record<string, string[]>; strings: string[] };

/** The table an id names, by the path segment before it or the field that holds it. */
const TABLE_OF: Record<string, string> = {
  sessions: 'sessions',
  residences: 'residences',
  programs: 'programs',
  programIds: 'programs',
  invitations: 'invitations',
  people: 'people',
  memberships: 'memberships',
  'counselor-assignments': 'counselor_assignments',
  'check-ins': 'check_ins',
  signals: 'signals',
  barc10: 'barc10_assessments',
  clocks: 'recovery_clocks',
  milestones: 'milestone_events',
  meetings: 'house_meetings',
  commitments: 'commitments',
  motions: 'motions',
  'meeting-series': 'house_meeting_series',
  'agenda-items': 'agenda_items',
  agendaItemId: 'agenda_items',
  itemIds: 'agenda_items',
  notifications: 'notifications',
  subscriptions: 'push_subscriptions',
  'outside-meetings': 'outside_meetings',
  outsideMeetingId: 'outside_meetings',
  'outside-attendance': 'outside_attendance',
  'calendar-feeds': 'calendar_feeds',
  alerts: 'reach_out_alerts',
  conversations: 'conversations',
  messages: 'chat_messages',
  requests: 'support_requests',
  responses: 'support_responses',
  skills: 'skill_listings',
  listingId: 'skill_listings',
  'skill-sessions': 'skill_sessions',
  mentorships: 'mentorships',
  residenceId: 'residences',
  personId: 'people',
  helperId: 'people',
  helpedId: 'people',
  mentorId: 'people',
  menteeId: 'people',
  counselorId: 'people',
  residentId: 'people',
  chairId: 'people',
  secretaryId: 'people',
};

export type FuzzRequest = {
  method: string;
  route: string;
  url: string;
  /** Index into the callers the test signed in (0 = nobody). */
  caller: number;
  cookie: 'caller' | 'garbage' | 'nul' | 'none';
  contentType: string | null;
  payload: string | null;
  /** What was spoiled, for the failure report. */
  spoiled: string[];
};

/** Every operation of an OpenAPI 3.1 document, in Fastify's path form. */
export function operationsOf(document: JsonSchema): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const [path, methods] of Object.entries(document.paths as Record<string, JsonSchema>)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = (op.parameters ?? []) as JsonSchema[];
      operations.push({
        method: method.toUpperCase(),
        route: path.replace(/\{([^}]+)\}/g, ':$1'),
        pathParams: parameters
          .filter((p) => p.in === 'path')
          .map((p) => ({ name: p.name, schema: p.schema })),
        queryParams: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema, required: Boolean(p.required) })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        documented: true,
      });
    }
  }
  return operations;
}

// Valid values -----------------------------------------------------------------------------------

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoDay = (d: Date) =>
  `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** Mostly near today (where the services do something), sometimes anywhere PostgreSQL might choke. */
const dateArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.integer({ min: -400, max: 400 }).map((d) => isoDay(new Date(Date.now() + d * 86_400_000))),
  },
  {
    weight: 2,
    arbitrary: fc
      .date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2200-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map(isoDay),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '0000-01-01',
      '0001-01-01',
      '1000-06-15',
      '1899-12-31',
      '2201-01-01',
      '5000-01-01',
      '9999-12-31',
      '2024-02-29',
    ),
  },
);

const dateTimeArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .integer({ min: -30, max: 30 })
      .map((d) => new Date(Date.now() + d * 86_400_000).toISOString()),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '0000-01-01T00:00:00Z',
      '0001-01-01T00:00:00.000Z',
      '1899-12-31T23:59:59Z',
      '9999-12-31T23:59:59Z',
      '2026-01-31T18:00:00+14:00',
      '2026-01-31T18:00:00-12:00',
    ),
  },
);

const TIME_ZONES = [
  'America/Chicago',
  'Europe/Madrid',
  'UTC',
  'Pacific/Kiritimati',
  'Etc/GMT+12',
  'Asia/Kathmandu',
];
const RRULES = [
  'FREQ=WEEKLY;BYDAY=WE',
  'FREQ=DAILY',
  'FREQ=MONTHLY;BYDAY=1MO',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
  'FREQ=YEARLY',
  'FREQ=HOURLY',
  'FREQ=MINUTELY',
  'FREQ=SECONDLY',
  'FREQ=WEEKLY;COUNT=0',
  'FREQ=WEEKLY;INTERVAL=999999999',
  'FREQ=DAILY;UNTIL=99991231T000000Z',
  'FREQ=MONTHLY;BYMONTHDAY=31',
  'FREQ=WEEKLY;BYDAY=XX',
  'RRULE:FREQ=WEEKLY',
];

/** Addresses on the loopback only: a test never reaches the network. */
const urlArb = fc.constantFrom(
  'http://127.0.0.1:9/feed.json',
  'https://127.0.0.1:9/push/abc',
  'http://[::1]:9/x',
  'https://localhost:9/meetings',
);

const feedArb: fc.Arbitrary<string> = fc
  .array(
    fc.record({
      name: fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constant('Night\u0000owls'),
        fc.constant('x'.repeat(5000)),
      ),
      slug: fc.oneof(fc.string({ maxLength: 20 }), fc.constant('a\u0000b')),
      day: fc.oneof(
        fc.integer({ min: -2, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 6 })),
        fc.constant(2 ** 40),
      ),
      time: fc.oneof(fc.constant('19:00'), fc.constant('25:61'), fc.string({ maxLength: 6 })),
      types: fc.array(fc.oneof(fc.constantFrom('O', 'C', 'ONL', 'X\u0000'), fc.string({ maxLength: 4 })), {
        maxLength: 4,
      }),
      notes: fc.oneof(fc.string({ maxLength: 50 }), fc.constant('\u0000'), fc.constant('<b>x</b>')),
      updated: fc.oneof(fc.constant('0000-01-01 00:00:00'), fc.constant('2024-01-01 10:00:00'), fc.string()),
      timezone: fc.oneof(fc.constantFrom(...TIME_ZONES), fc.constant('Mars/Base\u0000')),
    }),
    { maxLength: 3 },
  )
  .map((rows) => JSON.stringify(rows));

function uuidArb(pools: FuzzPools, name: string): fc.Arbitrary<string> {
  const table = TABLE_OF[name];
  const own = table ? (pools.byTable[table] ?? []) : [];
  return fc.oneof(
    ...(own.length > 0 ? [{ weight: 8, arbitrary: fc.constantFrom(...own) }] : []),
    ...(pools.ids.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...pools.ids) }] : []),
    { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
  );
}

function stringArb(schema: JsonSchema, name: string, pools: FuzzPools): fc.Arbitrary<string> {
  const lower = name.toLowerCase();
  if (schema.format === 'uuid') return uuidArb(pools, name);
  if (schema.format === 'date') return dateArb;
  if (schema.format === 'date-time') return dateTimeArb;
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'uri' || lower.includes('url') || lower === 'endpoint') return urlArb;
  if (lower === 'timezone') return fc.constantFrom(...TIME_ZONES);
  if (lower === 'rrule') return fc.constantFrom(...RRULES);
  if (lower === 'feed') return feedArb;
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 40, 40);
  if (typeof schema.pattern === 'string') {
    let regex: RegExp;
    try {
      regex = new RegExp(schema.pattern);
    } catch {
      return fc.string({ minLength, maxLength: Math.max(minLength, maxLength) });
    }
    return fc
      .stringMatching(regex)
      .filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? 1e9));
  }
  const words = fc
    .array(fc.constantFrom('kitchen', 'rides', 'Sunday', 'quiet', 'María', 'help', 'náusea', 'ok'), {
      minLength: 1,
      maxLength: 4,
    })
    .map((w) => w.join(' '));
  return fc
    .oneof(words, fc.string({ minLength, maxLength: Math.max(minLength, maxLength) }))
    .filter((s) => s.trim().length >= minLength && s.length <= (schema.maxLength ?? 1e9));
}

function numberArb(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1000);
  const low = Math.max(min, -1e9);
  const high = Math.min(max, 1e9);
  if (integer) return fc.integer({ min: Math.ceil(low), max: Math.floor(Math.max(low, high)) });
  return fc.double({ min: low, max: Math.max(low, high), noNaN: true, noDefaultInfinity: true });
}

/** A value valid by `schema` as far as JSON Schema tells (refinements are invisible to it). */
export function validValue(
  schema: JsonSchema | undefined,
  pools: FuzzPools,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!schema || Object.keys(schema).length === 0) return fc.jsonValue({ maxDepth: 2 });
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[];
    return fc.oneof(...options.map((o) => validValue(o, pools, name, depth)));
  }
  if (Array.isArray(schema.type)) {
    return fc.oneof(
      ...schema.type.map((t: string) => validValue({ ...schema, type: t }, pools, name, depth)),
    );
  }
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringArb(schema, name, pools);
    case 'integer':
      return numberArb(schema, true);
    case 'number':
      return numberArb(schema, false);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 4, 4));
      return fc.array(validValue(schema.items, pools, name, depth + 1), { minLength, maxLength });
    }
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(properties))
        model[key] = validValue(value, pools, key, depth + 1);
      const required = ((schema.required ?? []) as string[]).filter((k) => k in model);
      const record = fc.record(model, { requiredKeys: required });
      if (typeof schema.additionalProperties === 'object' && Object.keys(properties).length === 0) {
        return fc.dictionary(
          fc.string({ maxLength: 10 }),
          validValue(schema.additionalProperties, pools, name, depth + 1),
          {
            maxKeys: 3,
          },
        );
      }
      return record;
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

// Spoiled values ---------------------------------------------------------------------------------

const CONTROL = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u2028',
  '\ufeff',
];

/** A string PostgreSQL, a parser or a header might not take. */
const hostileString: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }))
      .map(([a, b]) => `${a}\u0000${b}`),
  },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.constantFrom(...CONTROL), { minLength: 1, maxLength: 5 })
      .map((c) => `a${c.join('')}b`),
  },
  { weight: 2, arbitrary: fc.constantFrom('\ud800', 'x\udfffy', '\uffff', '\u{10ffff}', '😀'.repeat(50)) },
  { weight: 2, arbitrary: fc.integer({ min: 1000, max: 60_000 }).map((n) => 'x'.repeat(n)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '   \t ',
      "'; drop table people; --",
      '%00',
      '\\u0000',
      '{{x}}',
      '<script>',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

const hostileNumber: fc.Arbitrary<number> = fc.constantFrom(
  -1,
  0,
  -0,
  0.5,
  1e-9,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  -(2 ** 63),
  1e308,
  -1e308,
  123456789.123,
  5e-324,
  1e-40,
  -1e-40,
);

const hostileDate = fc.constantFrom(
  '0000-01-01',
  '0001-01-01',
  '1899-12-31',
  '2201-01-01',
  '9999-12-31',
  '10000-01-01',
  '+275760-09-13',
  '2026-02-30',
  '2026-13-01',
  '2026-1-1',
  '0000-00-00',
  '-0001-01-01',
  '1970-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '0000-01-01T00:00:00Z',
);

const hostileId = fc.oneof(
  fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'not-an-id',
    '1',
    '-1',
    'null',
    '00000000-0000-0000-0000-00000000000g',
  ),
  fc.uuid({ version: [1, 7, 8] }),
);

function deepNesting(depth: number, asArray: boolean): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

const wrongType = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, 1, -1, '', 'x', [], {}, [null], { a: 1 }, '1', 'true', [
    [[]],
  ]),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 50, max: 400 }).map((d) => deepNesting(d, d % 2 === 0)),
);

/** A spoiled value for a leaf that held `value`: of the same kind most often, so it gets past the type check. */
function hostileFor(value: unknown): fc.Arbitrary<unknown> {
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}/.test(value)) return fc.oneof(hostileDate, hostileString);
    if (/^[0-9a-f]{8}-/i.test(value)) return fc.oneof(hostileId, hostileString);
    return fc.oneof(
      { weight: 4, arbitrary: hostileString },
      { weight: 1, arbitrary: fc.constant(`${value}\u0000`) },
    );
  }
  if (typeof value === 'number')
    return fc.oneof({ weight: 4, arbitrary: hostileNumber }, { weight: 1, arbitrary: wrongType });
  return wrongType;
}

type Path = (string | number)[];

function leafPaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) leafPaths(v, [...path, i], out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leafPaths(v, [...path, k], out);
  }
  return out;
}

function getAt(value: unknown, path: Path): unknown {
  let here = value;
  for (const key of path) here = (here as Record<string | number, unknown>)[key];
  return here;
}

function setAt(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let here = copy;
  for (const key of path.slice(0, -1)) here = here[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (next === REMOVE) {
    if (Array.isArray(here)) here.splice(last as number, 1);
    else delete here[last];
  } else here[last] = next;
  return copy;
}

const REMOVE = Symbol('remove');

const EXTRA_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'extra',
  'organizationId',
  'id',
  'a\u0000b',
  '',
  'toString',
];

/** The value with one spoiled place, and a word on what was done. */
function spoil(value: unknown): fc.Arbitrary<[unknown, string]> {
  const all = leafPaths(value);
  // The whole body is spoiled now and then; mostly one field in it.
  const inner = all.length > 1 ? all.slice(1) : all;
  return fc
    .tuple(fc.nat({ max: inner.length - 1 }), fc.nat({ max: 99 }), fc.nat({ max: 9 }))
    .chain(([index, roll, whole]) => {
      const path = (whole === 0 ? all[0] : inner[index]) as Path;
      const where = path.join('.') || '(root)';
      const here = getAt(value, path);
      if (roll < 55)
        return hostileFor(here).map((v) => [setAt(value, path, v), `hostile ${where}`] as [unknown, string]);
      if (roll < 70)
        return wrongType.map((v) => [setAt(value, path, v), `wrong type ${where}`] as [unknown, string]);
      if (roll < 80 && path.length > 0)
        return fc.constant([setAt(value, path, REMOVE), `missing ${where}`] as [unknown, string]);
      if (here && typeof here === 'object' && !Array.isArray(here)) {
        return fc.tuple(fc.constantFrom(...EXTRA_KEYS), wrongType).map(([key, extra]) => {
          const copy = structuredClone(here) as Record<string, unknown>;
          Object.defineProperty(copy, key, {
            value: extra,
            enumerable: true,
            writable: true,
            configurable: true,
          });
          return [setAt(value, path, copy), `extra key ${JSON.stringify(key)} at ${where}`] as [
            unknown,
            string,
          ];
        });
      }
      return hostileFor(here).map((v) => [setAt(value, path, v), `hostile ${where}`] as [unknown, string]);
    });
}

/** Spoils 0 to 2 places (0 now and then: a valid request must not fail either). */
function spoiled(value: unknown): fc.Arbitrary<[unknown, string[]]> {
  return fc.nat({ max: 9 }).chain((roll) => {
    if (roll < 3) return fc.constant([value, []] as [unknown, string[]]);
    const once = spoil(value).map(([v, what]) => [v, [what]] as [unknown, string[]]);
    if (roll < 8) return once;
    return once.chain(([v, what]) =>
      spoil(v).map(([w, more]) => [w, [...what, more]] as [unknown, string[]]),
    );
  });
}

// Requests ---------------------------------------------------------------------------------------

const PATH_HOSTILE = [
  '%00',
  'abc%00',
  '%00%00',
  '%',
  '%ZZ',
  '%C0%80',
  '%ED%A0%80',
  '%F0%9F%98%80',
  '..',
  '%2E%2E%2F',
  '%2F',
  '%20',
  'null',
  '-1',
  '1e999',
  'x'.repeat(3000),
  '%E2%80%A8',
  '%0A',
  '%7F',
  '0000-01-01',
];

/** encodeURIComponent, but half a surrogate pair becomes its (invalid) UTF-8 bytes instead of an exception. */
function encodePathPart(value: string): string {
  return value.isWellFormed()
    ? encodeURIComponent(value)
    : `${encodeURIComponent(value.toWellFormed())}%ED%A0%80`;
}

function pathValue(schema: JsonSchema, segment: string, pools: FuzzPools): fc.Arbitrary<string> {
  const valid = validValue(schema, pools, segment).map((v) => encodePathPart(String(v)));
  const pooled = fc.constantFrom(...pools.ids, ...pools.strings).map(encodePathPart);
  return fc.oneof(
    { weight: 12, arbitrary: valid },
    { weight: 1, arbitrary: pooled },
    { weight: 2, arbitrary: fc.constantFrom(...PATH_HOSTILE) },
    { weight: 1, arbitrary: hostileString.map((s) => encodePathPart(s.slice(0, 500))) },
  );
}

function queryValue(schema: JsonSchema, name: string, pools: FuzzPools): fc.Arbitrary<string[]> {
  const valid = validValue(schema, pools, name).map((v) => [typeof v === 'string' ? v : JSON.stringify(v)]);
  const hostile = fc.oneof(
    hostileString,
    hostileDate,
    hostileNumber.map(String),
    fc.constantFrom('1e400', 'NaN', 'Infinity', '-0', '0x10', '99999999999999999999', ''),
  );
  return fc.oneof(
    { weight: 5, arbitrary: valid },
    { weight: 4, arbitrary: hostile.map((v) => [v]) },
    { weight: 1, arbitrary: fc.tuple(hostile, hostile).map(([a, b]) => [a, b]) },
  );
}

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/jsonx',
  'APPLICATION/JSON',
  'application/xml',
];

const BROKEN_BODIES = [
  '',
  '{',
  '{"a":',
  'null',
  '"text"',
  '[]',
  '123',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"a":1,"a":2}',
  '\u0000',
  '{"x":"\\ud800"}',
  '{"x":"\\u0000"}',
  `{"x":${'['.repeat(5000)}${']'.repeat(5000)}}`,
  `{"x":${'['.repeat(45_000)}${']'.repeat(45_000)}}`,
  `{"x":"${'y'.repeat(200_000)}"}`,
  'NaN',
  '{"x":1e400}',
  '\ufeff{}',
];

/**
 * One malformed (or now and then valid) request to `op`, by one of the callers: index 0 is nobody,
 * and each caller is picked as often as its weight says.
 */
export function requestFor(
  op: FuzzOperation,
  pools: FuzzPools,
  callerWeights: number[],
): fc.Arbitrary<FuzzRequest> {
  const segments = op.route.split('/');
  const pathArbs = op.pathParams.map((p) => {
    const at = segments.indexOf(`:${p.name}`);
    return pathValue(p.schema, at > 0 ? (segments[at - 1] as string) : p.name, pools);
  });
  const queryArbs = op.queryParams.map((p) =>
    fc.oneof(
      { weight: p.required ? 1 : 2, arbitrary: fc.constant<string[] | null>(null) },
      { weight: 4, arbitrary: queryValue(p.schema, p.name, pools) },
    ),
  );
  const extraQuery = fc.oneof(
    { weight: 9, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom('extra', '__proto__', 'a\u0000', 'limit', 'q'),
        hostileString.map((s) => s.slice(0, 200)),
      ),
    },
  );
  const hasBody = op.body !== null || !['GET', 'HEAD', 'DELETE'].includes(op.method);
  const bodyArb: fc.Arbitrary<[unknown, string[]]> = op.body
    ? validValue(op.body, pools).chain(spoiled)
    : fc.oneof(
        fc.constant([undefined, []] as [unknown, string[]]),
        wrongType.map((v) => [v, ['body without schema']] as [unknown, string[]]),
      );
  const transport = fc.nat({ max: 99 });
  return fc
    .record({
      path: fc.tuple(...pathArbs),
      query: fc.tuple(...queryArbs),
      extraQuery,
      body: bodyArb,
      transport,
      brokenBody: fc.constantFrom(...BROKEN_BODIES),
      contentType: fc.constantFrom(...CONTENT_TYPES),
      caller: fc.oneof(...callerWeights.map((weight, index) => ({ weight, arbitrary: fc.constant(index) }))),
      cookieRoll: fc.nat({ max: 39 }),
    })
    .map((r) => {
      let i = 0;
      const path = op.route.replace(/:[A-Za-z]+/g, () => r.path[i++] as string);
      const search = new URLSearchParams();
      op.queryParams.forEach((p, index) => {
        for (const v of r.query[index] ?? []) search.append(p.name, v);
      });
      if (r.extraQuery) search.append(r.extraQuery[0], r.extraQuery[1]);
      const qs = search.toString();
      const url = qs ? `${path}?${qs}` : path;
      const spoiledWhat = [...r.body[1]];
      let contentType: string | null = null;
      let payload: string | null = null;
      if (hasBody && r.body[0] !== undefined) {
        contentType = 'application/json';
        payload = JSON.stringify(r.body[0]) ?? null;
      }
      if (r.transport < 4) {
        contentType = r.contentType;
        spoiledWhat.push(`content type ${r.contentType}`);
        payload ??= 'a=1';
      } else if (r.transport < 10) {
        contentType = 'application/json';
        payload = r.brokenBody;
        spoiledWhat.push(`body ${JSON.stringify(r.brokenBody.slice(0, 40))}`);
      } else if (r.transport < 11) {
        contentType = null;
        spoiledWhat.push('no content type');
      }
      const cookie: FuzzRequest['cookie'] =
        r.cookieRoll === 0 ? 'garbage' : r.cookieRoll === 1 ? 'nul' : 'caller';
      return {
        method: op.method,
        route: op.route,
        url,
        caller: r.caller,
        cookie,
        contentType,
        payload,
        spoiled: spoiledWhat,
      };
    });
}
