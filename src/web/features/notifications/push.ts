// Web push in this browser: the service worker (public/sw.js) that shows pushes and opens Hearth, and
// turning push on or off for this device. Push needs a secure context, a service worker, the Push API
// and the person's permission; each missing piece is a plain state the settings screen explains.
import {
  notificationsApi,
  type PushSubscribeInput,
  type PushSubscriptionView,
} from '../../../shared/contracts/notifications.ts';
import { call } from '../../app/api.ts';

export const SERVICE_WORKER_URL = '/sw.js';

/** Registered once at start, so a push can be shown even when no Hearth tab is open. */
export function registerServiceWorker(): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' }).catch(() => {
      // Without a service worker the app works as before; only push is unavailable.
    });
  });
}

export type PushState = 'unsupported' | 'denied' | 'off' | 'on';

export function pushSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    window.isSecureContext &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
  );
}

async function registration(): Promise<ServiceWorkerRegistration> {
  const existing = await navigator.serviceWorker.getRegistration('/');
  if (existing) return existing;
  return await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' });
}

/** This browser's push subscription, if it has one. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  const found = await navigator.serviceWorker.getRegistration('/');
  return (await found?.pushManager.getSubscription()) ?? null;
}

export async function pushState(): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  return (await currentSubscription()) ? 'on' : 'off';
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Asks permission (on this tap), subscribes with the server's VAPID key, and tells the server. */
export async function turnPushOn(): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'off';
  const { publicKey } = await call(notificationsApi.pushKey);
  const worker = await registration();
  await navigator.serviceWorker.ready;
  let subscription = await worker.pushManager.getSubscription();
  if (subscription) {
    const current = subscription.options.applicationServerKey;
    const same =
      current !== null &&
      btoa(String.fromCharCode(...new Uint8Array(current))) ===
        btoa(String.fromCharCode(...keyBytes(publicKey)));
    if (!same) {
      await subscription.unsubscribe();
      subscription = null;
    }
  }
  subscription ??= await worker.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: keyBytes(publicKey),
  });
  // What the browser gives is the subscription the contract describes; the server checks it.
  const body = subscription.toJSON() as PushSubscribeInput;
  await call(notificationsApi.subscribe, { body });
  return 'on';
}

/** Stops push here: the server forgets this device and the browser drops its subscription. */
export async function turnPushOff(devices: readonly PushSubscriptionView[]): Promise<PushState> {
  const subscription = await currentSubscription();
  if (!subscription) return 'off';
  const mine = devices.find((d) => d.endpoint === subscription.endpoint);
  if (mine) await call(notificationsApi.removeDevice, { params: { id: mine.id } });
  await subscription.unsubscribe();
  return 'off';
}
