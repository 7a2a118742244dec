// Live events on signed-in screens: one WebSocket per tab to /api/realtime, reconnecting with the last
// seq it saw so missed events are replayed. Screens call useRealtime('support.', handler) to hear events
// of a kind (usually to invalidate their TanStack queries); the header shows whether we are live.
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { urlOf } from '../../shared/contracts/endpoint.ts';
import {
  REALTIME_CLOSE,
  type RealtimeEventMessage,
  type RealtimeServerMessage,
  realtimeApi,
} from '../../shared/contracts/realtime.ts';
import { meQueryKey } from './session.ts';

export type RealtimeStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';
export type RealtimeHandler = (event: RealtimeEventMessage) => void;

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30_000;
/** Seqs remembered to drop an event that comes twice (a replay meeting a late live delivery). */
const SEEN_LIMIT = 500;

/** The connection of this tab: status, last seq, and who listens to which event types. */
export class RealtimeConnection {
  status: RealtimeStatus = 'connecting';
  lastSeq: number | null = null;
  private socket: WebSocket | null = null;
  private readonly listeners = new Set<{ prefix: string; handler: RealtimeHandler }>();
  private readonly statusListeners = new Set<() => void>();
  private readonly seen = new Set<number>();
  private retryMs = FIRST_RETRY_MS;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private onResync: () => void = () => {};
  private onSessionEnded: () => void = () => {};

  configure(options: { onResync: () => void; onSessionEnded: () => void }): void {
    this.onResync = options.onResync;
    this.onSessionEnded = options.onSessionEnded;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    window.addEventListener('online', this.reconnectNow);
    window.addEventListener('offline', this.wentOffline);
    document.addEventListener('visibilitychange', this.onVisible);
    this.connect();
  }

  stop(): void {
    this.running = false;
    this.setStatus('connecting');
    window.removeEventListener('online', this.reconnectNow);
    window.removeEventListener('offline', this.wentOffline);
    document.removeEventListener('visibilitychange', this.onVisible);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'leaving');
  }

  listen(prefix: string, handler: RealtimeHandler): () => void {
    const entry = { prefix, handler };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  getStatus = (): RealtimeStatus => this.status;

  private setStatus(status: RealtimeStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const l of this.statusListeners) l();
  }

  private url(): string {
    const query = this.lastSeq !== null ? { after: String(this.lastSeq) } : {};
    const url = new URL(urlOf(realtimeApi.connect, { query }), window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return url.toString();
  }

  private connect(): void {
    if (!this.running || this.socket) return;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      this.setStatus('offline');
      return;
    }
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url());
    } catch {
      this.retryLater();
      return;
    }
    this.socket = socket;
    socket.onmessage = (message) => this.receive(String(message.data));
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (!this.running) return;
      if (event.code === REALTIME_CLOSE.sessionEnded) {
        this.setStatus('offline');
        this.onSessionEnded();
        return;
      }
      this.retryLater();
    };
  }

  private retryLater(): void {
    this.setStatus(
      navigator.onLine === false ? 'offline' : this.lastSeq === null ? 'connecting' : 'reconnecting',
    );
    if (this.timer) return;
    // A little randomness so phones that lost the server together don't all come back at once.
    const wait = this.retryMs * (0.75 + Math.random() * 0.5);
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect();
    }, wait);
  }

  private readonly reconnectNow = () => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.retryMs = FIRST_RETRY_MS;
    this.connect();
  };

  /** No network: say so, and let the socket go (it comes back with the last seq when we are online). */
  private readonly wentOffline = () => {
    this.setStatus('offline');
    this.socket?.close(1000, 'offline');
  };

  private readonly onVisible = () => {
    if (document.visibilityState === 'visible' && !this.socket) this.reconnectNow();
  };

  private receive(text: string): void {
    let message: RealtimeServerMessage;
    try {
      message = JSON.parse(text) as RealtimeServerMessage;
    } catch {
      return;
    }
    if (message.kind === 'ready') {
      this.lastSeq = Math.max(this.lastSeq ?? 0, message.lastSeq);
      this.retryMs = FIRST_RETRY_MS;
      this.setStatus('live');
      if (message.resync) this.onResync();
      return;
    }
    if (message.kind !== 'event') return;
    if (this.seen.has(message.seq)) return;
    this.seen.add(message.seq);
    if (this.seen.size > SEEN_LIMIT) this.seen.delete(this.seen.values().next().value as number);
    this.lastSeq = Math.max(this.lastSeq ?? 0, message.seq);
    for (const { prefix, handler } of [...this.listeners]) {
      if (!message.type.startsWith(prefix)) continue;
      try {
        handler(message);
      } catch (error) {
        // One screen's mistake must not keep the others from hearing.
        console.warn('A realtime handler failed', error);
      }
    }
  }
}

/** The one connection of this tab; started and stopped by RealtimeProvider (in the signed-in layout). */
const connection = new RealtimeConnection();

/**
 * Keeps this tab's connection open while mounted: the signed-in layout renders it once, with or without
 * children. On "resync" (missed events no longer kept) every query is fetched again; when the session
 * ends, asking who is signed in takes the person to the sign-in screen.
 */
export function RealtimeProvider({ children }: { children?: ReactNode }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    connection.configure({
      onResync: () => void queryClient.invalidateQueries(),
      onSessionEnded: () => void queryClient.invalidateQueries({ queryKey: meQueryKey }),
    });
    connection.start();
    return () => connection.stop();
  }, [queryClient]);
  return children ?? null;
}

/**
 * Calls `handler` for every live event whose type starts with `typePrefix` (e.g. 'chat.', 'support.',
 * 'notification'), usually to invalidate a TanStack query. The latest handler is used without
 * re-subscribing. While nobody is signed in no events come.
 */
export function useRealtime(typePrefix: string, handler: RealtimeHandler): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => connection.listen(typePrefix, (event) => latest.current(event)), [typePrefix]);
}

/** 'connecting' | 'live' | 'reconnecting' | 'offline' for this tab. */
export function useRealtimeStatus(): RealtimeStatus {
  return useSyncExternalStore(connection.subscribeStatus, connection.getStatus, () => 'connecting' as const);
}

/** A small light in the header: live, connecting again, or offline (and that we'll catch up). */
export function RealtimeIndicator() {
  const { t } = useTranslation();
  const status = useRealtimeStatus();
  return (
    <span
      className={`realtime-indicator realtime-${status}`}
      role="status"
      title={t(`realtime.${status}Hint`)}
    >
      <span className="realtime-dot" aria-hidden="true" />
      <span className="realtime-label">{t(`realtime.${status}`)}</span>
    </span>
  );
}
