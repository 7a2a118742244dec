// Test support for the access matrix: house A's meeting schedule, built through the real routes.

import { sendMeetingReminders } from '../../server/features/meetings/notifications.ts';
import { call, testDb } from '../app.ts';

type Person = { id: string; cookie: string };

function expectCreated(result: { status: number; text: string }, what: string) {
  if (result.status !== 201 && result.status !== 200)
    throw new Error(`${what}: ${result.status} ${result.text}`);
}

/**
 * A weekly series (and a second one to end), an upcoming meeting with an item of the marker's, a
 * meeting to run (chaired by the marker), one already in progress with an item for minutes, one to
 * cancel, an emergency meeting with one item to order, and a reminder the marker received.
 */
export async function buildMeetingsWorld(
  houseId: string,
  people: { orgAdmin: Person; peerLeader: Person; marker: Person },
) {
  const { orgAdmin, peerLeader, marker } = people;
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const series = await call('POST', `/api/residences/${houseId}/meeting-series`, {
    as: orgAdmin,
    body: { rrule: 'FREQ=WEEKLY;BYDAY=SU', startsOn: tomorrow, startTime: '19:00' },
  });
  expectCreated(series, 'series');
  const spare = await call('POST', `/api/residences/${houseId}/meeting-series`, {
    as: orgAdmin,
    body: { rrule: 'FREQ=MONTHLY;BYDAY=1MO', startsOn: tomorrow, startTime: '18:00' },
  });
  expectCreated(spare, 'spare series');
  const list = await call('GET', `/api/residences/${houseId}/meetings`, { as: orgAdmin });
  const upcoming = list.body.upcoming.find((m: { seriesId: string }) => m.seriesId === series.body.id);
  const oneOff = async (title: string, kind: 'one_off' | 'emergency' = 'one_off') => {
    const made = await call('POST', `/api/residences/${houseId}/meetings`, {
      as: kind === 'emergency' ? marker : orgAdmin,
      body: { kind, title, date: tomorrow, time: '20:00' },
    });
    expectCreated(made, title);
    const assigned = await call('PATCH', `/api/meetings/${made.body.id}`, {
      as: peerLeader,
      body: { chairId: marker.id, secretaryId: null },
    });
    expectCreated(assigned, `${title} chair`);
    return made.body.id as string;
  };
  const addItem = async (meetingId: string, title: string) => {
    const item = await call('POST', `/api/meetings/${meetingId}/agenda`, { as: marker, body: { title } });
    expectCreated(item, title);
    return item.body.id as string;
  };
  await call('PATCH', `/api/meetings/${upcoming.id}`, {
    as: peerLeader,
    body: { chairId: marker.id, secretaryId: null },
  });
  const toRun = await oneOff('Meeting to run');
  const running = await oneOff('Meeting in progress');
  const minutesItemId = await addItem(running, 'Quiet hours');
  expectCreated(await call('POST', `/api/meetings/${running}/start`, { as: marker }), 'start');
  const toCancel = await oneOff('Meeting to cancel');
  const emergency = await oneOff('Emergency', 'emergency');
  const orderItemId = await addItem(emergency, 'What happened last night');
  const removableItemId = await addItem(upcoming.id, 'Chore chart');
  await sendMeetingReminders(testDb(), new Date(new Date(upcoming.startsAt).getTime() - 30 * 60_000));
  const notifications = await call('GET', '/api/notifications', { as: marker });
  return {
    seriesId: series.body.id as string,
    spareSeriesId: spare.body.id as string,
    meetingId: upcoming.id as string,
    runMeetingId: toRun,
    runningMeetingId: running,
    cancelMeetingId: toCancel,
    emergencyMeetingId: emergency,
    minutesItemId,
    orderItemId,
    removableItemId,
    markerNotificationId: notifications.body.notifications[0].id as string,
  };
}
