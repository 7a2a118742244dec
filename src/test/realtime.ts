// A WebSocket client for tests: connects like a phone does (session cookie, Origin), keeps every message,
// and waits for the one a test expects. Refusals before the upgrade come back as their HTTP status.
import WebSocket from 'ws';
import type { RealtimeServerMessage } from '../shared/contracts/realtime.ts';

export type TestSocket = {
  ws: WebSocket;
  messages: RealtimeServerMessage[];
  events: () => Extract<RealtimeServerMessage, { kind: 'event' }>[];
  /** Waits for a message matching `match` (already received ones count). */
  waitFor: <K extends RealtimeServerMessage['kind']>(
    kind: K,
    match?: (m: Extract<RealtimeServerMessage, { kind: K }>) => boolean,
    timeoutMs?: number,
  ) => Promise<Extract<RealtimeServerMessage, { kind: K }>>;
  closed: Promise<{ code: number; reason: string }>;
  close: () => Promise<void>;
};

export type Refusal = { refused: true; status: number; body: string };

export type ConnectOptions = {
  cookie?: string;
  origin?: string;
  after?: number;
  channels?: string[];
};

export function realtimeUrl(base: string, options: Pick<ConnectOptions, 'after' | 'channels'> = {}) {
  const url = new URL('/api/realtime', base.replace(/^http/, 'ws'));
  if (options.after !== undefined) url.searchParams.set('after', String(options.after));
  if (options.channels) url.searchParams.set('channels', options.channels.join(','));
  return url.toString();
}

/** Opens a socket and resolves once it is open (or with the HTTP refusal). */
export function connectSocket(base: string, options: ConnectOptions = {}): Promise<TestSocket | Refusal> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  const ws = new WebSocket(realtimeUrl(base, options), { headers });
  const messages: RealtimeServerMessage[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    messages.push(JSON.parse(data.toString()) as RealtimeServerMessage);
    for (const w of [...waiters]) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const socket: TestSocket = {
    ws,
    messages,
    events: () => messages.filter((m) => m.kind === 'event'),
    waitFor: (kind, match, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(
            (m) =>
              m.kind === kind &&
              (!match || match(m as Extract<RealtimeServerMessage, { kind: typeof kind }>)),
          );
          if (!found) return false;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found as Extract<RealtimeServerMessage, { kind: typeof kind }>);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no "${kind}" message within ${timeoutMs} ms; got ${JSON.stringify(messages)}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      }),
    closed,
    close: async () => {
      if (ws.readyState === WebSocket.CLOSED) return;
      ws.close();
      await closed;
    },
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(socket));
    ws.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on('end', () => resolve({ refused: true, status: response.statusCode ?? 0, body }));
      ws.on('error', () => {});
    });
    ws.once('error', reject);
  });
}

/** Connects and expects it to work: the socket, once its "ready" message has come. */
export async function openSocket(base: string, options: ConnectOptions = {}): Promise<TestSocket> {
  const result = await connectSocket(base, options);
  if ('refused' in result) throw new Error(`the socket was refused: ${result.status} ${result.body}`);
  await result.waitFor('ready');
  return result;
}
