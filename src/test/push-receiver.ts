// A stand-in for a browser's push service, on 127.0.0.1: it hands out subscriptions as a browser would
// (its own P-256 key and auth secret), receives what Hearth posts, checks the VAPID signature, and
// decrypts the aes128gcm payload (RFC 8291 / RFC 8188) with the subscription's private key.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedPush = {
  device: string;
  headers: http.IncomingHttpHeaders;
  /** The decrypted JSON payload. */
  message: { title: string; body: string; url: string; tag: string; urgent: boolean };
  vapid: { publicKey: string; audience: string; subject: string; expiresAt: number };
};

/** What the service answers a device: a status, or 'hang' (never answers, like a push service stuck). */
type Answer = number | 'hang';
type Device = { ecdh: crypto.ECDH; authSecret: Buffer; status: Answer };

const b64url = (b: Buffer) => b.toString('base64url');

function verifyVapid(header: string | undefined, endpointOrigin: string): ReceivedPush['vapid'] {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match) throw new Error(`No VAPID Authorization header: ${header}`);
  const [, token, key] = match as unknown as [string, string, string];
  const [head, claims, signature] = token.split('.') as [string, string, string];
  const point = Buffer.from(key, 'base64url');
  const publicKey = crypto.createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33, 65)) },
    format: 'jwk',
  });
  const valid = crypto.verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!valid) throw new Error('The VAPID signature does not verify.');
  const header0 = JSON.parse(Buffer.from(head, 'base64url').toString());
  if (header0.alg !== 'ES256') throw new Error(`VAPID alg ${header0.alg}`);
  const body = JSON.parse(Buffer.from(claims, 'base64url').toString());
  if (body.aud !== endpointOrigin) throw new Error(`VAPID audience ${body.aud}, expected ${endpointOrigin}`);
  if (!(body.exp * 1000 > Date.now())) throw new Error('The VAPID token has expired.');
  return { publicKey: key, audience: body.aud, subject: body.sub, expiresAt: body.exp };
}

function decrypt(body: Buffer, device: Device): string {
  const salt = body.subarray(0, 16);
  const idLength = body[20] ?? 0;
  const senderKey = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const shared = device.ecdh.computeSecret(senderKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), device.ecdh.getPublicKey(), senderKey]);
  const ikm = Buffer.from(crypto.hkdfSync('sha256', shared, device.authSecret, keyInfo, 32));
  const cek = Buffer.from(
    crypto.hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16),
  );
  const nonce = Buffer.from(
    crypto.hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12),
  );
  const decipher = crypto.createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error('The last record does not end with the 0x02 delimiter.');
  return padded.subarray(0, end).toString('utf8');
}

export type PushReceiver = {
  origin: string;
  received: ReceivedPush[];
  /** Problems seen (bad signature, undecryptable body): a test asserts there are none. */
  problems: string[];
  /** A subscription as PushSubscription.toJSON() gives it, for a device named `name`. */
  subscription: (name: string) => { endpoint: string; keys: { p256dh: string; auth: string } };
  /** What the service answers for a device from now on (201 by default; 410 = gone; 'hang' = never). */
  answer: (name: string, status: Answer) => void;
  /** Requests that reached the service for a device, answered or not (each try counts). */
  attempts: (name: string) => number;
  /** Resolves when at least `count` pushes have arrived (or rejects after `timeoutMs`). */
  waitFor: (count: number, timeoutMs?: number) => Promise<ReceivedPush[]>;
  close: () => Promise<void>;
};

export async function startPushReceiver(): Promise<PushReceiver> {
  const devices = new Map<string, Device>();
  const received: ReceivedPush[] = [];
  const problems: string[] = [];
  const waiters: (() => void)[] = [];
  const tries = new Map<string, number>();
  let origin = '';
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const name = decodeURIComponent((request.url ?? '').replace(/^\/push\//, ''));
      tries.set(name, (tries.get(name) ?? 0) + 1);
      const device = devices.get(name);
      if (!device) {
        response.writeHead(404).end();
        return;
      }
      if (device.status === 'hang') return;
      if (device.status >= 400) {
        response.writeHead(device.status).end();
        return;
      }
      try {
        if (request.method !== 'POST') throw new Error(`method ${request.method}`);
        if (request.headers['content-encoding'] !== 'aes128gcm') {
          throw new Error(`content-encoding ${request.headers['content-encoding']}`);
        }
        const vapid = verifyVapid(request.headers.authorization, origin);
        const message = JSON.parse(decrypt(Buffer.concat(chunks), device));
        received.push({ device: name, headers: request.headers, message, vapid });
      } catch (error) {
        problems.push(String(error));
      }
      response.writeHead(device.status).end();
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    problems,
    subscription: (name) => {
      let device = devices.get(name);
      if (!device) {
        const ecdh = crypto.createECDH('prime256v1');
        ecdh.generateKeys();
        device = { ecdh, authSecret: crypto.randomBytes(16), status: 201 };
        devices.set(name, device);
      }
      return {
        endpoint: `${origin}/push/${encodeURIComponent(name)}`,
        keys: { p256dh: b64url(device.ecdh.getPublicKey()), auth: b64url(device.authSecret) },
      };
    },
    answer: (name, status) => {
      const device = devices.get(name);
      if (device) device.status = status;
    },
    attempts: (name) => tries.get(name) ?? 0,
    waitFor: async (count, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`Expected ${count} pushes, received ${received.length}.`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, Math.min(left, 100));
        });
      }
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A hanging answer keeps its connection open; nobody waits for it.
        server.closeAllConnections();
      }),
  };
}
