// The benchmark's raw write baseline: one single-row INSERT through `pg` into a scratch table (a
// check-in's columns, its primary key and unique index), no ORM, no Fastify, no session; a bare
// node:http server in its own process, with a pool of Hearth's size on Hearth's database.
import http from 'node:http';
import pg from 'pg';

const url = process.env.BASELINE_DATABASE_URL;
if (!url) throw new Error('BASELINE_DATABASE_URL is required');

const pool = new pg.Pool({ connectionString: url, max: 10 });
await pool.query(`create table if not exists bench_raw_inserts (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null,
  idempotency_key text not null,
  mood smallint not null,
  craving smallint not null,
  created_at timestamptz not null default now(),
  unique (person_id, idempotency_key)
)`);

let n = 0;
const person = '00000000-0000-4000-8000-000000000000';
const server = http.createServer((_request, response) => {
  n++;
  pool
    .query<{ id: string }>(
      'insert into bench_raw_inserts (person_id, idempotency_key, mood, craving) values ($1, $2, $3, $4) returning id',
      [person, `raw-${process.pid}-${n}`, 4, 2],
    )
    .then(({ rows }) => {
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: rows[0]?.id }));
    })
    .catch(() => {
      response.writeHead(500).end();
    });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(
    `raw insert baseline listening on ${typeof address === 'object' && address ? address.port : 0}\n`,
  );
});

const stop = () => {
  server.close(() => void pool.end().finally(() => process.exit(0)));
  server.closeAllConnections();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
