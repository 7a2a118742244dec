// Text PostgreSQL cannot store (shared/domain/storable-text.ts) is refused before any route runs: one
// check for every string of every request (path, query, body, and the names of body fields), so no
// contract can forget it (decision 0024).
import type { FastifyInstance } from 'fastify';
import { unstorableText } from '../../shared/domain/storable-text.ts';
import { AppError } from './errors.ts';

export function registerStorableText(app: FastifyInstance): void {
  // A callback hook, not an async one: it runs on every request.
  app.addHook('preValidation', (request, _reply, done) => {
    const fields = [
      ...unstorableText('params', request.params),
      ...unstorableText('querystring', request.query),
      ...unstorableText('body', request.body),
    ];
    if (fields.length === 0) return done();
    const message = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    done(new AppError('validation_failed', message, fields, 'request.invalid'));
  });
}
