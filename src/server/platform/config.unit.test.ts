import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('loadConfig accepted a bad setting');
}

describe('loadConfig', () => {
  it('should use the defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: path.resolve('./data'),
      publicUrl: undefined,
      logLevel: 'info',
      sessionDays: 14,
      sessionCacheMs: 60_000,
      trustProxy: false,
      bodyLimit: 100_000,
      crisisLine: '988',
      emergencyNumber: '911',
      crisisTextLine: '988',
      crisisLineKeys: { veterans: '1', spanish: '2' },
      reachOutEscalateSeconds: undefined,
      reachOutPollSeconds: 2,
      importAllowPrivateHosts: false,
      pushContact: undefined,
      pushAllowPrivateEndpoints: false,
      databaseTimeouts: { connectMs: 5000, statementMs: 5000, idleInTransactionMs: 10_000 },
      rateLimitFactor: 1,
    });
  });

  it('should read every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgresql://hearth:secret@db:5432/hearth',
      HEARTH_DATA_DIR: '/var/lib/hearth',
      PUBLIC_URL: 'https://hearth.example.org/',
      LOG_LEVEL: 'warn',
      SESSION_DAYS: '30',
      SESSION_CACHE_MS: '0',
      TRUST_PROXY: 'true',
      BODY_LIMIT_BYTES: '2048',
      CRISIS_LINE: '116 123',
      EMERGENCY_NUMBER: '112',
      CRISIS_TEXT_LINE: 'none',
      CRISIS_LINE_VETERANS_KEY: 'none',
      CRISIS_LINE_SPANISH_KEY: '3',
      REACH_OUT_ESCALATE_SECONDS: '20',
      REACH_OUT_POLL_SECONDS: '0.5',
      IMPORT_ALLOW_PRIVATE_HOSTS: 'true',
      PUSH_CONTACT: 'mailto:care@hearth.example.org',
      PUSH_ALLOW_PRIVATE_ENDPOINTS: 'yes',
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
      DATABASE_STATEMENT_TIMEOUT_MS: '0',
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '30000',
      RATE_LIMIT_FACTOR: '10',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgresql://hearth:secret@db:5432/hearth',
      dataDir: '/var/lib/hearth',
      publicUrl: 'https://hearth.example.org',
      logLevel: 'warn',
      sessionDays: 30,
      sessionCacheMs: 0,
      trustProxy: true,
      bodyLimit: 2048,
      crisisLine: '116 123',
      emergencyNumber: '112',
      crisisTextLine: null,
      crisisLineKeys: { veterans: null, spanish: '3' },
      reachOutEscalateSeconds: 20,
      reachOutPollSeconds: 0.5,
      importAllowPrivateHosts: true,
      pushContact: 'mailto:care@hearth.example.org',
      pushAllowPrivateEndpoints: true,
      databaseTimeouts: { connectMs: 2000, statementMs: 0, idleInTransactionMs: 30_000 },
      rateLimitFactor: 10,
    });
  });

  it('should treat an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it('should ignore variables that are not its own', () => {
    expect(() => loadConfig({ HOME: '/root', SOMETHING_ELSE: 'x' })).not.toThrow();
  });

  it.each([
    ['PORT', 'eighty', 'PORT:'],
    ['PORT', '70000', 'PORT:'],
    ['DATABASE_URL', 'mysql://db/hearth', 'DATABASE_URL: must be a postgres:// or postgresql:// URL'],
    ['PUBLIC_URL', 'hearth.example.org', 'PUBLIC_URL: must be a full URL like https://hearth.example.org'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL:'],
    ['SESSION_DAYS', '0', 'SESSION_DAYS:'],
    ['SESSION_DAYS', '365', 'SESSION_DAYS:'],
    ['SESSION_CACHE_MS', '-1', 'SESSION_CACHE_MS:'],
    ['TRUST_PROXY', 'maybe', 'TRUST_PROXY:'],
    ['BODY_LIMIT_BYTES', '10', 'BODY_LIMIT_BYTES:'],
    ['REACH_OUT_ESCALATE_SECONDS', '0', 'REACH_OUT_ESCALATE_SECONDS:'],
    [
      'PUSH_CONTACT',
      'http://hearth.example.org',
      'PUSH_CONTACT: must be a mailto: address or an https:// URL',
    ],
    ['PUSH_ALLOW_PRIVATE_ENDPOINTS', 'maybe', 'PUSH_ALLOW_PRIVATE_ENDPOINTS:'],
    ['REACH_OUT_ESCALATE_SECONDS', 'soon', 'REACH_OUT_ESCALATE_SECONDS:'],
    ['REACH_OUT_POLL_SECONDS', '0.1', 'REACH_OUT_POLL_SECONDS:'],
    ['DATABASE_CONNECT_TIMEOUT_MS', '0', 'DATABASE_CONNECT_TIMEOUT_MS:'],
    ['DATABASE_STATEMENT_TIMEOUT_MS', 'soon', 'DATABASE_STATEMENT_TIMEOUT_MS:'],
    ['DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', '-1', 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS:'],
  ])('should refuse %s=%s with a message naming the variable', (name, value, expected) => {
    const message = errorOf({ [name]: value });
    expect(message).toContain('Hearth cannot start: some settings are not valid.');
    expect(message).toContain(expected);
  });

  it('should name every bad variable at once, one per line', () => {
    const message = errorOf({ PORT: 'x', LOG_LEVEL: 'loud', PUBLIC_URL: 'nope' });
    const lines = message.split('\n').slice(1);
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.trim().split(':')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT', 'PUBLIC_URL']);
  });

  it('should not echo a bad value back (it may be a secret)', () => {
    const message = errorOf({ DATABASE_URL: 'mysql://user:s3cret-pass@db/hearth' });
    expect(message).not.toContain('s3cret-pass');
  });
});
