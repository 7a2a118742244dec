import { describe, expect, it } from 'vitest';
import { call } from '../../../test/app.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../platform/config.ts';
import { connectDatabase } from '../../platform/database/connect.ts';
import { freePort } from '../../platform/database/embedded.ts';

describe('GET /api/health', () => {
  it('should say the app and its database are up', async () => {
    const result = await call('GET', '/api/health');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('should fail with 503 when the database cannot be reached', async () => {
    const url = `postgresql://nobody:nothing@127.0.0.1:${await freePort()}/nowhere`;
    const database = connectDatabase(url, 1);
    const app = await buildApp({
      config: loadConfig({ DATABASE_URL: url }),
      database,
      webDir: null,
      logger: false,
    });
    try {
      const result = await call('GET', '/api/health', { app });
      expect(result.status).toBe(503);
      expect(result.body).toEqual({ status: 'degraded', database: 'down' });
    } finally {
      await app.close();
      await database.close();
    }
  });
});
