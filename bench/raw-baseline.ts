// The benchmark's raw baseline: one indexed SELECT through `pg`, no ORM, no Fastify; a bare node:http
// server in its own process (like Hearth), with a pool of Hearth's size on Hearth's database.
import http from 'node:http';
import pg from 'pg';

const url = process.env.BASELINE_DATABASE_URL;
const username = process.env.BASELINE_USERNAME ?? 'brianna1';
if (!url) throw new Error('BASELINE_DATABASE_URL is required');

const pool = new pg.Pool({ connectionString: url, max: 10 });

const server = http.createServer((_request, response) => {
  pool
    .query<{ id: string; first_name: string }>('select id, first_name from people where username = $1', [
      username,
    ])
    .then(({ rows }) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: rows[0]?.id, firstName: rows[0]?.first_name }));
    })
    .catch(() => {
      response.writeHead(500).end();
    });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(
    `raw baseline listening on ${typeof address === 'object' && address ? address.port : 0}\n`,
  );
});

const stop = () => {
  server.close(() => void pool.end().finally(() => process.exit(0)));
  server.closeAllConnections();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
