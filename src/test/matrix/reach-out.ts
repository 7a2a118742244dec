// Records the access matrix aims at for reach out now (test support, built through the API): the marker's
// open alert, which reaches house A's peer leader, and a housemate's alert nobody has answered yet.
import { call } from '../app.ts';
import { buildPerson, type TestPerson } from '../factories.ts';

export async function buildReachOutWorld(admin: TestPerson, houseA: string, marker: TestPerson) {
  const housemate = await buildPerson(admin, { role: 'resident', residenceId: houseA });
  const raise = async (as: TestPerson, idempotencyKey: string) => {
    const result = await call('POST', '/api/reach-out/alerts', { as, body: { idempotencyKey } });
    if (result.status !== 201) throw new Error(`Raising an alert answered ${result.status}: ${result.text}`);
    return result.body.id as string;
  };
  return {
    markerAlertId: await raise(marker, 'matrix-marker-alert'),
    housemateAlertId: await raise(housemate, 'matrix-housemate-alert'),
  };
}
