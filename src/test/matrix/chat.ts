// Records the access matrix aims at for chat (test support, built through the API): house A's
// conversation, a message of the marker's to report, and one already reported for a peer leader to hide.
import { call } from '../app.ts';
import type { TestPerson } from '../factories.ts';

export async function buildChatWorld(people: { marker: TestPerson; resident: TestPerson }) {
  const list = await call('GET', '/api/chat/conversations', { as: people.marker });
  const house = (list.body.conversations as { id: string; kind: string }[]).find((c) => c.kind === 'house');
  if (!house) throw new Error('the marker has no house conversation');
  const post = async (body: string) =>
    (
      await call('POST', `/api/chat/conversations/${house.id}/messages`, {
        as: people.marker,
        body: { body },
      })
    ).body.id as string;
  const toReport = await post('Matrix message to report');
  const toHide = await post('Matrix message already reported');
  await call('POST', `/api/chat/messages/${toHide}/report`, {
    as: people.resident,
    body: { reason: 'unkind' },
  });
  return { houseConversationId: house.id, toReportMessageId: toReport, toHideMessageId: toHide };
}
