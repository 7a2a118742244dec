import { describe, expect, it } from 'vitest';
import {
  assertNoUnexpectedErrorLogs,
  expectErrorLog,
  logCollector,
  startCollectingLogs,
} from './log-collector.ts';

const line = (level: number, msg: string, fields: object = {}) =>
  `${JSON.stringify({ level, time: 1, pid: 2, hostname: 'h', ...fields, msg })}\n`;

describe('the log collector', () => {
  it('should fail a test that logged an error, showing its message and fields', () => {
    startCollectingLogs();
    logCollector.write(line(40, 'database unavailable'));
    logCollector.write(line(50, 'refusal not declared by its endpoint contract', { reason: 'chat.gone' }));
    expect(() => assertNoUnexpectedErrorLogs()).toThrow(
      'Unexpected error log lines during the test:\n[error] refusal not declared by its endpoint contract {"reason":"chat.gone"}',
    );
    // Taken: the next test starts clean.
    expect(() => assertNoUnexpectedErrorLogs()).not.toThrow();
  });

  it('should fail on a fatal line too, and let warnings be', () => {
    startCollectingLogs();
    logCollector.write(line(40, 'slow'));
    expect(() => assertNoUnexpectedErrorLogs()).not.toThrow();
    logCollector.write(line(60, 'gone'));
    expect(() => assertNoUnexpectedErrorLogs()).toThrow(/\[fatal\] gone/);
  });

  it('should consume an expected line, once, and fail when it never came', () => {
    startCollectingLogs();
    expectErrorLog(/unhandled error/);
    logCollector.write(line(50, 'unhandled error'));
    expect(() => assertNoUnexpectedErrorLogs()).not.toThrow();
    startCollectingLogs();
    expectErrorLog(/unhandled error/);
    logCollector.write(line(50, 'unhandled error') + line(50, 'unhandled error'));
    expect(() => assertNoUnexpectedErrorLogs()).toThrow(/Unexpected error log lines/);
    startCollectingLogs();
    expectErrorLog(/unhandled error/);
    expect(() => assertNoUnexpectedErrorLogs()).toThrow(
      'Expected error log lines that never came: /unhandled error/',
    );
  });
});
