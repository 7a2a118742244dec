// Test support for the access matrix: the marker's house request (anonymous), a second one to withdraw,
// and a housemate's offer on the first.
import { call } from '../app.ts';
import { buildPerson, type TestPerson } from '../factories.ts';

export async function buildSupportWorld(
  houseId: string,
  people: { orgAdmin: TestPerson; marker: TestPerson },
) {
  const helper = await buildPerson(people.orgAdmin, { role: 'resident', residenceId: houseId });
  const post = async (body: string) =>
    (
      await call('POST', '/api/support/requests', {
        as: people.marker,
        body: { supportKind: 'instrumental', body, audience: 'house', anonymous: true },
      })
    ).body.id as string;
  const supportRequestId = await post('A ride to my job interview Thursday');
  const supportWithdrawId = await post('Someone to cook with on Sunday');
  const offered = await call('POST', `/api/support/requests/${supportRequestId}/responses`, {
    as: helper,
    body: { note: 'I have a car' },
  });
  return { supportRequestId, supportWithdrawId, supportResponseId: offered.body.responses[0].id as string };
}
