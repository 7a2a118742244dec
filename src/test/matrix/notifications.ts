// Records the access matrix aims at for notifications and push (test support, built through the API).
import { call } from '../app.ts';
import type { TestPerson } from '../factories.ts';

/** A device only the marker owns; the matrix's own subscriptions use another endpoint. */
export const MATRIX_PUSH_KEYS = {
  p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
  auth: 'tBHItJI5svbpez7KI4CCXg',
};

export async function buildNotificationsWorld(marker: TestPerson) {
  const device = await call('POST', '/api/push/subscriptions', {
    as: marker,
    body: {
      endpoint: 'https://push.example.org/marker-device',
      keys: MATRIX_PUSH_KEYS,
      label: 'Marker phone',
    },
  });
  if (device.status !== 201) throw new Error(`The marker's device was not subscribed: ${device.text}`);
  return { markerDeviceId: device.body.id as string };
}
