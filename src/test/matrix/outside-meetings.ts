// Records the access matrix aims at for outside meetings and calendars (test support, built through the API).
import { call } from '../app.ts';
import type { TestPerson } from '../factories.ts';

export async function buildOutsideWorld(admin: TestPerson, marker: TestPerson) {
  const meeting = (name: string) =>
    call('POST', '/api/outside-meetings', {
      as: admin,
      body: { name, days: [2], time: '19:00', timeZone: 'America/Chicago', types: ['O'], isPublic: true },
    });
  const toChange = (await meeting('Matrix Tuesday Open')).body.id as string;
  const toDelete = (await meeting('Matrix Doomed Meeting')).body.id as string;
  const today = new Date().toISOString().slice(0, 10);
  const attendance = await call('POST', '/api/outside-attendance', {
    as: marker,
    body: { outsideMeetingId: toChange, attendedOn: today },
  });
  const feed = async () =>
    (await call('POST', '/api/calendar-feeds', { as: marker, body: { scope: 'person' } })).body as {
      id: string;
      url: string;
    };
  const readable = await feed();
  const revocable = await feed();
  const list = await call('GET', '/api/outside-meetings', { as: admin });
  return {
    outsideMeetingId: toChange,
    outsideMeetingToDeleteId: toDelete,
    markerAttendanceId: attendance.body.id as string,
    markerCalendarPath: new URL(readable.url).pathname,
    markerCalendarFeedId: revocable.id,
    feedPath: list.body.feedPath as string,
  };
}
