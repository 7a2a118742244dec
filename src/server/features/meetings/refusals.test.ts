// Each refusal of the house-meetings area, with its status and reason (shared/contracts/meetings.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../shared/domain/dates.ts';
import { addDays } from '../../../shared/domain/recurrence.ts';
import { type CallResult, call } from '../../../test/app.ts';
import { buildPerson, buildResidence, setUpOrganization, type TestPerson } from '../../../test/factories.ts';

const ZONE = 'America/Chicago';
let admin: TestPerson;
let houseId: string;
let leader: TestPerson;
let ana: TestPerson;
let ben: TestPerson;
let cy: TestPerson;
let outsider: TestPerson;

const today = () => localDate(ZONE);

function refused(result: CallResult, status: number, reason: string) {
  expect(result.status, result.text).toBe(status);
  expect(result.body.error.reason).toBe(reason);
}

/** A field refused for its own reason, under the request's reason (request.invalid, 400). */
function refusedField(result: CallResult, field: string, reason: string) {
  refused(result, 400, 'request.invalid');
  expect(result.body.error.fields).toContainEqual(expect.objectContaining({ field, reason }));
}

/** A one-off meeting tomorrow, chaired by Ana with Ben taking the minutes, and an item Cy raised. */
async function buildMeeting(title: string) {
  const made = await call('POST', `/api/residences/${houseId}/meetings`, {
    as: leader,
    body: { kind: 'one_off', title, date: addDays(today(), 1), time: '19:00' },
  });
  expect(made.status, made.text).toBe(201);
  const id = made.body.id as string;
  const roles = await call('PATCH', `/api/meetings/${id}`, {
    as: leader,
    body: { chairId: ana.id, secretaryId: ben.id },
  });
  expect(roles.status, roles.text).toBe(200);
  const item = await call('POST', `/api/meetings/${id}/agenda`, { as: cy, body: { title: 'Rides' } });
  expect(item.status, item.text).toBe(201);
  const standing = (made.body.agenda as { id: string; kind: string }[]).find((i) => i.kind === 'business')!;
  return { id, itemId: item.body.id as string, standingId: standing.id };
}

beforeAll(async () => {
  admin = await setUpOrganization();
  houseId = (await buildResidence(admin, { timeZone: ZONE, bedCapacity: 10 })).id;
  const otherHouseId = (await buildResidence(admin, { timeZone: ZONE })).id;
  leader = await buildPerson(admin, { role: 'peer_leader', residenceId: houseId });
  ana = await buildPerson(admin, { role: 'resident', residenceId: houseId });
  ben = await buildPerson(admin, { role: 'resident', residenceId: houseId });
  cy = await buildPerson(admin, { role: 'resident', residenceId: houseId });
  outsider = await buildPerson(admin, { role: 'resident', residenceId: otherHouseId });
});

describe('the schedule', () => {
  it('should fail with 400 meetings.rrule_invalid on the rrule field for a rule Hearth cannot follow', async () => {
    const body = { rrule: 'FREQ=SOMETIMES', startsOn: today(), startTime: '19:00' };
    const made = await call('POST', `/api/residences/${houseId}/meeting-series`, { as: leader, body });
    refusedField(made, 'rrule', 'meetings.rrule_invalid');
    const good = { ...body, rrule: 'FREQ=WEEKLY;BYDAY=MO' };
    const series = await call('POST', `/api/residences/${houseId}/meeting-series`, {
      as: leader,
      body: good,
    });
    expect(series.status).toBe(201);
    const changed = await call('PATCH', `/api/meeting-series/${series.body.id}`, {
      as: leader,
      body: { rrule: 'FREQ=WEEKLY;BYDAY=FUNDAY' },
    });
    refusedField(changed, 'rrule', 'meetings.rrule_invalid');
  });

  it('should fail with 409 meetings.series_ended when an ended schedule is changed', async () => {
    const body = { rrule: 'FREQ=MONTHLY;BYDAY=1TU', startsOn: today(), startTime: '18:00' };
    const series = await call('POST', `/api/residences/${houseId}/meeting-series`, { as: leader, body });
    expect((await call('DELETE', `/api/meeting-series/${series.body.id}`, { as: leader })).status).toBe(200);
    const changed = await call('PATCH', `/api/meeting-series/${series.body.id}`, {
      as: leader,
      body: { location: 'Porch' },
    });
    refused(changed, 409, 'meetings.series_ended');
  });

  it('should fail with 400 meetings.search_for_members on q when an admin searches the minutes', async () => {
    const searched = await call('GET', `/api/residences/${houseId}/meetings?q=kitchen`, { as: admin });
    refusedField(searched, 'q', 'meetings.search_for_members');
  });
});

describe('a meeting before it starts', () => {
  let meeting: Awaited<ReturnType<typeof buildMeeting>>;

  beforeAll(async () => {
    meeting = await buildMeeting('Before it starts');
  });

  it('should fail with 400 meetings.not_house_member when the chair would be someone from another house', async () => {
    const result = await call('PATCH', `/api/meetings/${meeting.id}`, {
      as: leader,
      body: { chairId: outsider.id },
    });
    refusedField(result, 'chairId', 'meetings.not_house_member');
  });

  it('should fail with 400 meetings.chair_is_secretary when one person would hold both seats', async () => {
    const result = await call('PATCH', `/api/meetings/${meeting.id}`, {
      as: leader,
      body: { chairId: cy.id, secretaryId: cy.id },
    });
    refusedField(result, 'secretaryId', 'meetings.chair_is_secretary');
  });

  it('should fail with 409 meetings.close_only_in_progress when it has not started', async () => {
    refused(
      await call('POST', `/api/meetings/${meeting.id}/close`, { as: ana }),
      409,
      'meetings.close_only_in_progress',
    );
  });

  it('should fail with 409 meetings.attendance_during_meeting when a resident marks themself present early', async () => {
    const result = await call('POST', `/api/meetings/${meeting.id}/attendance`, {
      as: cy,
      body: { personId: cy.id, status: 'present' },
    });
    refused(result, 409, 'meetings.attendance_during_meeting');
    expect(result.body.error.fields).toEqual([
      expect.objectContaining({ field: 'status', reason: 'meetings.attendance_during_meeting' }),
    ]);
  });

  it('should fail with 409 meetings.minutes_during_meeting on minutes written before it starts', async () => {
    const result = await call('PATCH', `/api/agenda-items/${meeting.itemId}`, {
      as: ana,
      body: { minutes: 'Too early' },
    });
    refused(result, 409, 'meetings.minutes_during_meeting');
  });

  it('should fail with 409 meetings.standing_item_stays when a standing item is taken off', async () => {
    refused(
      await call('DELETE', `/api/agenda-items/${meeting.standingId}`, { as: leader }),
      409,
      'meetings.standing_item_stays',
    );
  });

  it('should fail with 400 meetings.order_every_item on an order that leaves an item out', async () => {
    const agenda = (await call('GET', `/api/meetings/${meeting.id}`, { as: ana })).body.agenda as {
      id: string;
    }[];
    const result = await call('POST', `/api/meetings/${meeting.id}/agenda/order`, {
      as: ana,
      body: { itemIds: agenda.slice(1).map((i) => i.id) },
    });
    refusedField(result, 'itemIds', 'meetings.order_every_item');
  });

  it('should fail with 403 request.forbidden when a resident who does not run it starts it', async () => {
    refused(await call('POST', `/api/meetings/${meeting.id}/start`, { as: cy }), 403, 'request.forbidden');
  });
});

describe('a meeting in progress', () => {
  let meeting: Awaited<ReturnType<typeof buildMeeting>>;

  beforeAll(async () => {
    meeting = await buildMeeting('In progress');
    expect((await call('POST', `/api/meetings/${meeting.id}/start`, { as: ana })).status).toBe(200);
  });

  it('should fail with 409 meetings.start_only_upcoming when it is started again', async () => {
    refused(
      await call('POST', `/api/meetings/${meeting.id}/start`, { as: ana }),
      409,
      'meetings.start_only_upcoming',
    );
  });

  it('should fail with 409 meetings.cancel_only_upcoming when it is cancelled', async () => {
    refused(
      await call('POST', `/api/meetings/${meeting.id}/cancel`, { as: leader }),
      409,
      'meetings.cancel_only_upcoming',
    );
  });

  it('should fail with 409 meetings.attendance_self_present when a resident marks themself absent', async () => {
    const result = await call('POST', `/api/meetings/${meeting.id}/attendance`, {
      as: cy,
      body: { personId: cy.id, status: 'absent' },
    });
    refused(result, 409, 'meetings.attendance_self_present');
  });

  it('should fail with 400 meetings.not_house_member when someone from another house is marked', async () => {
    const result = await call('POST', `/api/meetings/${meeting.id}/attendance`, {
      as: ben,
      body: { personId: outsider.id, status: 'present' },
    });
    refusedField(result, 'personId', 'meetings.not_house_member');
  });

  it('should fail with 409 meetings.reword_before_meeting when its author rewords an item during it', async () => {
    const result = await call('PATCH', `/api/agenda-items/${meeting.itemId}`, {
      as: cy,
      body: { title: 'Rides on Tuesday' },
    });
    refused(result, 409, 'meetings.reword_before_meeting');
    expect(result.body.error.fields).toEqual([
      expect.objectContaining({ field: 'title', reason: 'meetings.reword_before_meeting' }),
    ]);
  });
});

describe('a closed meeting', () => {
  let meeting: Awaited<ReturnType<typeof buildMeeting>>;

  beforeAll(async () => {
    meeting = await buildMeeting('Closed');
    expect((await call('POST', `/api/meetings/${meeting.id}/start`, { as: ana })).status).toBe(200);
    expect((await call('POST', `/api/meetings/${meeting.id}/close`, { as: ana })).status).toBe(200);
  });

  it('should fail with 409 meetings.meeting_over when an item is added to it', async () => {
    const result = await call('POST', `/api/meetings/${meeting.id}/agenda`, {
      as: cy,
      body: { title: 'Too late' },
    });
    refused(result, 409, 'meetings.meeting_over');
  });

  it('should fail with 409 meetings.agenda_of_past_meeting when its agenda is put in another order', async () => {
    const agenda = (await call('GET', `/api/meetings/${meeting.id}`, { as: ana })).body.agenda as {
      id: string;
    }[];
    const result = await call('POST', `/api/meetings/${meeting.id}/agenda/order`, {
      as: ana,
      body: { itemIds: agenda.map((i) => i.id).reverse() },
    });
    refused(result, 409, 'meetings.agenda_of_past_meeting');
  });

  it('should fail with 409 meetings.roles_of_past_meeting when its chair is changed', async () => {
    const result = await call('PATCH', `/api/meetings/${meeting.id}`, {
      as: leader,
      body: { chairId: cy.id },
    });
    refused(result, 409, 'meetings.roles_of_past_meeting');
  });

  it('should fail with 409 meetings.minutes_during_meeting when its minutes are edited afterwards', async () => {
    const result = await call('PATCH', `/api/agenda-items/${meeting.itemId}`, {
      as: ana,
      body: { minutes: 'Late edit' },
    });
    refused(result, 409, 'meetings.minutes_during_meeting');
  });

  it('should fail with 404 request.not_found when someone from another house opens it', async () => {
    refused(await call('GET', `/api/meetings/${meeting.id}`, { as: outsider }), 404, 'request.not_found');
  });
});
