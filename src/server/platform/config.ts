// Configuration from the environment, validated once at boot with a clear message per bad variable.
import path from 'node:path';
import { z } from 'zod';

const booleanish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  HEARTH_DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url({ message: 'must be a full URL like https://hearth.example.org' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  SESSION_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(60_000),
  TRUST_PROXY: booleanish.default(false),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(100_000),
  CRISIS_LINE: z.string().min(1).default('988'),
  EMERGENCY_NUMBER: z.string().min(1).default('911'),
  /** Where a crisis line takes texts ('none' when it takes none). */
  CRISIS_TEXT_LINE: z.string().min(1).default('988'),
  /** The key to press in the crisis line's menu for veterans, and for Spanish ('none': no such option). */
  CRISIS_LINE_VETERANS_KEY: z.string().min(1).max(4).default('1'),
  CRISIS_LINE_SPANISH_KEY: z.string().min(1).max(4).default('2'),
  /** Overrides each organization's reach-out escalation delay, in seconds (tests and demonstrations). */
  REACH_OUT_ESCALATE_SECONDS: z.coerce.number().int().min(1).max(3600).optional(),
  /** How often the reach-out escalation worker looks for due work, in seconds. */
  REACH_OUT_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  /** Let admins import a Meeting Guide feed from a private or loopback address (tests, closed networks). */
  IMPORT_ALLOW_PRIVATE_HOSTS: booleanish.default(false),
  /** Who push services may contact about this server's pushes (VAPID subject): mailto: or https: URL. */
  PUSH_CONTACT: z
    .string()
    .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, { message: 'must be a mailto: address or an https:// URL' })
    .optional(),
  /** Let push subscriptions point at private or loopback addresses over http (tests, closed networks). */
  PUSH_ALLOW_PRIVATE_ENDPOINTS: booleanish.default(false),
  /** How long to wait for a connection to PostgreSQL (a new one, or a free one in the pool). */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** Longest statement a request may run (0: no limit); migrations and scheduled jobs have their own. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  /** A transaction left idle this long is ended by PostgreSQL (0: never). */
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  /** Multiplies every request limit (decision 0025): more for a big onboarding day behind one address. */
  RATE_LIMIT_FACTOR: z.coerce.number().min(1).max(1000).default(1),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string | undefined;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  sessionDays: number;
  sessionCacheMs: number;
  trustProxy: boolean;
  bodyLimit: number;
  crisisLine: string;
  emergencyNumber: string;
  /** null when the crisis line takes no texts. */
  crisisTextLine: string | null;
  /** Keys to press in the crisis line's menu; null when there is no such option. */
  crisisLineKeys: { veterans: string | null; spanish: string | null };
  /** When set, every reach-out alert escalates after this many seconds (the organization's minutes otherwise). */
  reachOutEscalateSeconds?: number | undefined;
  reachOutPollSeconds: number;
  /** Feed imports may fetch from private and loopback addresses (off: only public hosts). */
  importAllowPrivateHosts?: boolean;
  /** The VAPID subject; when unset, PUBLIC_URL if it is https, else a placeholder address. */
  pushContact?: string | undefined;
  /** Push subscriptions may point at private and loopback addresses, over http too (off: public https only). */
  pushAllowPrivateEndpoints?: boolean;
  /** Every request limit is multiplied by this (1 when unset). */
  rateLimitFactor?: number;
  /** Connection, statement and idle-in-transaction timeouts of the request pool (decision 0026). */
  databaseTimeouts: DatabaseTimeouts;
};

export type DatabaseTimeouts = {
  connectMs: number;
  /** 0: no limit. */
  statementMs: number;
  /** 0: never. */
  idleInTransactionMs: number;
};

/** 'none' switches a crisis-line option off (an empty variable means "use the default"). */
const orNone = (value: string): string | null => (value.trim().toLowerCase() === 'none' ? null : value);

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(ConfigSchema.shape)
      .filter((k) => env[k] !== undefined && env[k] !== '')
      .map((k) => [k, env[k]]),
  );
  const parsed = ConfigSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Hearth cannot start: some settings are not valid.\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: path.resolve(c.HEARTH_DATA_DIR),
    publicUrl: c.PUBLIC_URL?.replace(/\/$/, ''),
    logLevel: c.LOG_LEVEL,
    sessionDays: c.SESSION_DAYS,
    sessionCacheMs: c.SESSION_CACHE_MS,
    trustProxy: c.TRUST_PROXY,
    bodyLimit: c.BODY_LIMIT_BYTES,
    crisisLine: c.CRISIS_LINE,
    emergencyNumber: c.EMERGENCY_NUMBER,
    crisisTextLine: orNone(c.CRISIS_TEXT_LINE),
    crisisLineKeys: {
      veterans: orNone(c.CRISIS_LINE_VETERANS_KEY),
      spanish: orNone(c.CRISIS_LINE_SPANISH_KEY),
    },
    reachOutEscalateSeconds: c.REACH_OUT_ESCALATE_SECONDS,
    reachOutPollSeconds: c.REACH_OUT_POLL_SECONDS,
    importAllowPrivateHosts: c.IMPORT_ALLOW_PRIVATE_HOSTS,
    pushContact: c.PUSH_CONTACT,
    pushAllowPrivateEndpoints: c.PUSH_ALLOW_PRIVATE_ENDPOINTS,
    databaseTimeouts: {
      connectMs: c.DATABASE_CONNECT_TIMEOUT_MS,
      statementMs: c.DATABASE_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: c.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    rateLimitFactor: c.RATE_LIMIT_FACTOR,
  };
}
