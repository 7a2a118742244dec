import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../shared/domain/dates.ts';
import { addDays, localTimeOf } from '../../../shared/domain/recurrence.ts';
import { call, testDb } from '../../../test/app.ts';
import {
  buildOtherOrganization,
  buildPerson,
  buildResidence,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';
import {
  agendaItems,
  auditEvents,
  commitments,
  houseMeetingSeries,
  houseMeetings,
} from '../../platform/database/schema.ts';
import { materialiseSeries } from './schedule.ts';

const ZONE = 'America/Chicago';
let admin: TestPerson;
let houseId: string;
let otherHouseId: string;
let leader: TestPerson;
let otherLeader: TestPerson;
let ana: TestPerson;
let ben: TestPerson;
let cy: TestPerson;
let outsider: TestPerson;
let counselor: TestPerson;
let otherOrgAdmin: TestPerson;
let seriesId: string;

const today = () => localDate(ZONE);
const meetingsOf = async (as: TestPerson, residenceId = houseId, query = '') =>
  await call('GET', `/api/residences/${residenceId}/meetings${query}`, { as });
const detail = async (as: TestPerson, id: string) => await call('GET', `/api/meetings/${id}`, { as });

beforeAll(async () => {
  admin = await setUpOrganization();
  houseId = (await buildResidence(admin, { timeZone: ZONE, bedCapacity: 20 })).id;
  otherHouseId = (await buildResidence(admin, { timeZone: ZONE })).id;
  leader = await buildPerson(admin, { role: 'peer_leader', residenceId: houseId, firstName: 'Lena' });
  otherLeader = await buildPerson(admin, { role: 'peer_leader', residenceId: otherHouseId });
  ana = await buildPerson(admin, {
    role: 'resident',
    residenceId: houseId,
    firstName: 'Anastasia',
    lastName: 'Quill',
  });
  ben = await buildPerson(admin, { role: 'resident', residenceId: houseId, firstName: 'Benedikt' });
  cy = await buildPerson(admin, { role: 'resident', residenceId: houseId, firstName: 'Cyrus' });
  outsider = await buildPerson(admin, { role: 'resident', residenceId: otherHouseId });
  counselor = await buildPerson(admin, { role: 'counselor' });
  otherOrgAdmin = (await buildOtherOrganization()).admin;
  const created = await call('POST', `/api/residences/${houseId}/meeting-series`, {
    as: leader,
    body: { rrule: 'FREQ=WEEKLY;BYDAY=SU', startsOn: today(), startTime: '19:00', location: 'Living room' },
  });
  expect(created.status, created.text).toBe(201);
  seriesId = created.body.id;
});

describe('the schedule', () => {
  it('should materialise the next 8 weeks of Sundays at 19:00 local time, chairs rotating', async () => {
    const list = await meetingsOf(ana);
    expect(list.status).toBe(200);
    const sundays = list.body.upcoming.filter((m: { seriesId: string }) => m.seriesId === seriesId);
    expect(sundays.length).toBeGreaterThanOrEqual(8);
    for (const m of sundays) {
      expect(localTimeOf(new Date(m.startsAt), ZONE)).toBe('19:00');
      expect(new Date(`${m.localDate}T12:00:00Z`).getUTCDay()).toBe(0);
      expect(m.state).toBe('upcoming');
    }
    // Ana, Ben and Cy moved in the same day, so the id breaks the tie; each chairs in turn.
    const chairs = sundays.slice(0, 3).map((m: { chair: { personId: string } }) => m.chair.personId);
    expect(new Set(chairs).size).toBe(3);
    expect(sundays[0].secretary.personId).toBe(sundays[1].chair.personId);
    // Business, chores and celebrations stand on every regular meeting's agenda.
    expect(sundays[0].agendaCount).toBe(3);
    expect(list.body.canManage).toBe(false);
    expect(list.body.series).toMatchObject([
      { rrule: 'FREQ=WEEKLY;BYDAY=SU', startTime: '19:00', timeZone: ZONE },
    ]);
  });

  it('should be idempotent: the daily job adds nothing already there', async () => {
    expect(await materialiseSeries(testDb(), seriesId)).toBe(0);
  });

  it('should refuse a meeting at 25:00 or a bad RRULE with a 400 naming the field, writing nothing', async () => {
    const before = await testDb().select().from(houseMeetingSeries);
    const late = await call('POST', `/api/residences/${houseId}/meeting-series`, {
      as: leader,
      body: { rrule: 'FREQ=WEEKLY;BYDAY=SU', startsOn: today(), startTime: '25:00' },
    });
    expect(late.status).toBe(400);
    expect(late.body.error.fields.map((f: { field: string }) => f.field)).toContain('startTime');
    const bad = await call('POST', `/api/residences/${houseId}/meeting-series`, {
      as: leader,
      body: { rrule: 'FREQ=SOMETIMES', startsOn: today(), startTime: '19:00' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([
      { field: 'rrule', reason: 'meetings.rrule_invalid', message: expect.stringMatching(/FREQ/) },
    ]);
    const oneOff = await call('POST', `/api/residences/${houseId}/meetings`, {
      as: leader,
      body: { kind: 'one_off', title: 'Late', date: today(), time: '24:30' },
    });
    expect(oneOff.status).toBe(400);
    expect(await testDb().select().from(houseMeetingSeries)).toHaveLength(before.length);
  });

  it('should let the peer leader and admin manage the schedule, not residents; other houses get 404', async () => {
    const body = { rrule: 'FREQ=MONTHLY;BYDAY=1TU', startsOn: today(), startTime: '18:00' };
    expect((await call('POST', `/api/residences/${houseId}/meeting-series`, { as: ana, body })).status).toBe(
      403,
    );
    expect(
      (await call('POST', `/api/residences/${houseId}/meeting-series`, { as: otherLeader, body })).status,
    ).toBe(404);
    const byAdmin = await call('POST', `/api/residences/${otherHouseId}/meeting-series`, { as: admin, body });
    expect(byAdmin.status).toBe(201);
    const ended = await call('DELETE', `/api/meeting-series/${byAdmin.body.id}`, { as: otherLeader });
    expect(ended.status).toBe(200);
    expect(ended.body.endedAt).not.toBeNull();
    expect((await meetingsOf(outsider, otherHouseId)).body.upcoming).toEqual([]);
  });

  it('should move upcoming meetings when the series changes time', async () => {
    const changed = await call('PATCH', `/api/meeting-series/${seriesId}`, {
      as: leader,
      body: { startTime: '18:30' },
    });
    expect(changed.status, changed.text).toBe(200);
    const list = await meetingsOf(ana);
    const sundays = list.body.upcoming.filter((m: { seriesId: string }) => m.seriesId === seriesId);
    for (const m of sundays) expect(localTimeOf(new Date(m.startsAt), ZONE)).toBe('18:30');
    await call('PATCH', `/api/meeting-series/${seriesId}`, { as: leader, body: { startTime: '19:00' } });
  });

  it('should let any resident call an emergency meeting, but only staff a one-off', async () => {
    const date = addDays(today(), 1);
    const emergency = await call('POST', `/api/residences/${houseId}/meetings`, {
      as: ben,
      body: { kind: 'emergency', title: 'We need to talk tonight', date, time: '21:00' },
    });
    expect(emergency.status, emergency.text).toBe(201);
    expect(emergency.body).toMatchObject({ kind: 'emergency', state: 'upcoming', agenda: [] });
    expect(
      (
        await call('POST', `/api/residences/${houseId}/meetings`, {
          as: ben,
          body: { kind: 'one_off', title: 'Game night planning', date, time: '20:00' },
        })
      ).status,
    ).toBe(403);
    const oneOff = await call('POST', `/api/residences/${houseId}/meetings`, {
      as: leader,
      body: { kind: 'one_off', title: 'Game night planning', date, time: '20:00' },
    });
    expect(oneOff.status).toBe(201);
    expect(oneOff.body.agenda.map((i: { kind: string }) => i.kind)).toEqual([
      'business',
      'chores',
      'celebrations',
    ]);
    expect(
      (
        await call('POST', `/api/residences/${houseId}/meetings`, {
          as: outsider,
          body: { kind: 'emergency', title: 'x', date, time: '20:00' },
        })
      ).status,
    ).toBe(404);
  });

  it('should cancel an occurrence and keep it as cancelled (peer leader only)', async () => {
    const list = await meetingsOf(leader);
    const last = list.body.upcoming.filter((m: { seriesId: string }) => m.seriesId === seriesId).at(-1);
    expect((await call('POST', `/api/meetings/${last.id}/cancel`, { as: ana })).status).toBe(403);
    const cancelled = await call('POST', `/api/meetings/${last.id}/cancel`, { as: leader });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.state).toBe('cancelled');
    expect((await meetingsOf(ana)).body.upcoming.find((m: { id: string }) => m.id === last.id).state).toBe(
      'cancelled',
    );
    expect(await materialiseSeries(testDb(), seriesId)).toBe(0);
    expect((await call('POST', `/api/meetings/${last.id}/cancel`, { as: leader })).status).toBe(409);
  });
});

describe('privacy', () => {
  it('should show a house meeting only to its members; admins see the schedule but no words', async () => {
    const id = (await meetingsOf(ana)).body.upcoming[0].id;
    await call('POST', `/api/meetings/${id}/agenda`, { as: ana, body: { title: 'AdminMustNotReadThis' } });
    for (const who of [outsider, counselor, otherOrgAdmin, otherLeader]) {
      const seen = await detail(who, id);
      expect(seen.status, seen.text).toBe(404);
      expect(seen.text).not.toContain('AdminMustNotReadThis');
    }
    for (const who of [outsider, counselor, otherOrgAdmin]) expect((await meetingsOf(who)).status).toBe(404);
    const asAdmin = await detail(admin, id);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.agenda).toEqual([]);
    expect(asAdmin.body.attendance).toEqual([]);
    expect(asAdmin.body.agendaCount).toBeGreaterThan(0);
    expect(asAdmin.text).not.toContain('AdminMustNotReadThis');
    expect(
      (await call('POST', `/api/meetings/${id}/agenda`, { as: admin, body: { title: 'x' } })).status,
    ).toBe(403);
    expect((await meetingsOf(admin, houseId, '?q=Admin')).status).toBe(400);
  });
});

describe('the agenda, raised without a name', () => {
  let meetingId: string;
  let itemId: string;

  beforeAll(async () => {
    meetingId = (await meetingsOf(ana)).body.upcoming.find(
      (m: { seriesId: string }) => m.seriesId === seriesId,
    ).id;
    // Cy chairs this meeting; Ben takes the minutes.
    const assigned = await call('PATCH', `/api/meetings/${meetingId}`, {
      as: leader,
      body: { chairId: cy.id, secretaryId: ben.id },
    });
    expect(assigned.status, assigned.text).toBe(200);
    const added = await call('POST', `/api/meetings/${meetingId}/agenda`, {
      as: ana,
      body: { title: 'The kitchen is a mess on weekends', details: 'Dishes pile up', anonymous: true },
    });
    expect(added.status, added.text).toBe(201);
    itemId = added.body.id;
    expect(added.body).toMatchObject({ anonymous: true, mine: true, author: { personId: ana.id } });
  });

  it('should swap chair and secretary when the chair goes to the secretary, and refuse one person for both', async () => {
    const swapped = await call('PATCH', `/api/meetings/${meetingId}`, {
      as: leader,
      body: { chairId: ben.id },
    });
    expect(swapped.status).toBe(200);
    expect([swapped.body.chair.personId, swapped.body.secretary.personId]).toEqual([ben.id, cy.id]);
    const both = await call('PATCH', `/api/meetings/${meetingId}`, {
      as: leader,
      body: { chairId: cy.id, secretaryId: cy.id },
    });
    expect(both.status).toBe(400);
    expect(both.body.error.fields[0].field).toBe('secretaryId');
    expect(
      (await call('PATCH', `/api/meetings/${meetingId}`, { as: ana, body: { chairId: ana.id } })).status,
    ).toBe(403);
    const back = await call('PATCH', `/api/meetings/${meetingId}`, {
      as: ben,
      body: { chairId: cy.id, secretaryId: ben.id },
    });
    expect(back.status, back.text).toBe(200);
  });

  it('should never show the author to a peer, in any response', async () => {
    const responses = [
      await detail(ben, meetingId),
      await call('PATCH', `/api/agenda-items/${itemId}`, { as: ben, body: { title: 'Renamed' } }),
      await call('DELETE', `/api/agenda-items/${itemId}`, { as: ben }),
      await call('POST', `/api/meetings/${meetingId}/attendance`, {
        as: ben,
        body: { personId: ana.id, status: 'present' },
      }),
    ];
    for (const r of responses) {
      // Ana is a housemate: she is in the attendance list, and nowhere else.
      const withoutAttendance = JSON.stringify({
        ...r.body,
        attendance: undefined,
        chair: null,
        secretary: null,
      });
      expect(withoutAttendance).not.toContain('Anastasia');
      expect(withoutAttendance).not.toContain(ana.id);
    }
    // The schedule lists meetings, never agenda words or their authors.
    expect((await meetingsOf(ben)).text).not.toContain('kitchen');
    const item = responses[0]!.body.agenda.find((i: { id: string }) => i.id === itemId);
    expect(item).toMatchObject({
      anonymous: true,
      author: null,
      mine: false,
      title: 'The kitchen is a mess on weekends',
    });
  });

  it('should show the author to the chair, the peer leader and the author only', async () => {
    const authorOf = async (as: TestPerson) =>
      (await detail(as, meetingId)).body.agenda.find((i: { id: string }) => i.id === itemId).author;
    expect(await authorOf(cy)).toMatchObject({ personId: ana.id });
    expect(await authorOf(leader)).toMatchObject({ personId: ana.id });
    expect(await authorOf(ana)).toMatchObject({ personId: ana.id });
    expect(await authorOf(ben)).toBeNull();
  });

  it('should keep the author out of the audit log', async () => {
    const events = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'agenda_item.add'), eq(auditEvents.subjectId, meetingId)));
    expect(events.some((e) => e.actorId === ana.id)).toBe(false);
    const log = await call('GET', '/api/audit', { as: admin });
    expect(log.status).toBe(200);
  });

  it('should show a named item with its author to peers, and let its author reword it before the meeting', async () => {
    const added = await call('POST', `/api/meetings/${meetingId}/agenda`, {
      as: ben,
      body: { title: 'My sponsor moved away' },
    });
    const seen = (await detail(ana, meetingId)).body.agenda.find(
      (i: { id: string }) => i.id === added.body.id,
    );
    expect(seen.author).toMatchObject({ personId: ben.id });
    const reworded = await call('PATCH', `/api/agenda-items/${added.body.id}`, {
      as: ben,
      body: { details: 'Looking for a new one' },
    });
    expect(reworded.status).toBe(200);
    expect(reworded.body.details).toBe('Looking for a new one');
    expect(
      (await call('PATCH', `/api/agenda-items/${added.body.id}`, { as: ana, body: { title: 'x' } })).status,
    ).toBe(403);
    expect(
      (await call('POST', `/api/meetings/${meetingId}/agenda`, { as: ana, body: { title: '' } })).status,
    ).toBe(400);
  });

  it('should let the chair order the agenda, every item exactly once', async () => {
    const agenda = (await detail(cy, meetingId)).body.agenda as { id: string }[];
    const reversed = agenda.map((i) => i.id).reverse();
    expect(
      (
        await call('POST', `/api/meetings/${meetingId}/agenda/order`, {
          as: ana,
          body: { itemIds: reversed },
        })
      ).status,
    ).toBe(403);
    const partial = await call('POST', `/api/meetings/${meetingId}/agenda/order`, {
      as: cy,
      body: { itemIds: reversed.slice(1) },
    });
    expect(partial.status).toBe(400);
    expect(partial.body.error.fields[0].field).toBe('itemIds');
    const ordered = await call('POST', `/api/meetings/${meetingId}/agenda/order`, {
      as: cy,
      body: { itemIds: reversed },
    });
    expect(ordered.status).toBe(200);
    expect(ordered.body.agenda.map((i: { id: string }) => i.id)).toEqual(reversed);
  });
});

describe('running a meeting', () => {
  let meetingId: string;

  beforeAll(async () => {
    const date = addDays(today(), 2);
    const made = await call('POST', `/api/residences/${houseId}/meetings`, {
      as: leader,
      body: { kind: 'one_off', title: 'Sunday business', date, time: '19:00' },
    });
    meetingId = made.body.id;
    await call('PATCH', `/api/meetings/${meetingId}`, {
      as: leader,
      body: { chairId: ana.id, secretaryId: ben.id },
    });
    await call('POST', `/api/meetings/${meetingId}/agenda`, {
      as: cy,
      body: { title: 'Rides to Tuesday meeting' },
    });
  });

  it('should let only the chair, the secretary or the peer leader start it', async () => {
    expect((await call('POST', `/api/meetings/${meetingId}/start`, { as: cy })).status).toBe(403);
    expect((await call('POST', `/api/meetings/${meetingId}/close`, { as: ana })).status).toBe(409);
    const started = await call('POST', `/api/meetings/${meetingId}/start`, { as: ana });
    expect(started.status).toBe(200);
    expect(started.body.state).toBe('in_progress');
    expect((await call('POST', `/api/meetings/${meetingId}/start`, { as: ana })).status).toBe(409);
  });

  it('should let a resident mark themself present, and the secretary anyone', async () => {
    const self = await call('POST', `/api/meetings/${meetingId}/attendance`, {
      as: cy,
      body: { personId: cy.id, status: 'present' },
    });
    expect(self.status, self.text).toBe(200);
    expect(self.body.attendance.find((a: { personId: string }) => a.personId === cy.id).status).toBe(
      'present',
    );
    expect(
      (
        await call('POST', `/api/meetings/${meetingId}/attendance`, {
          as: cy,
          body: { personId: ana.id, status: 'present' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('POST', `/api/meetings/${meetingId}/attendance`, {
          as: cy,
          body: { personId: cy.id, status: 'absent' },
        })
      ).status,
    ).toBe(409);
    const bySecretary = await call('POST', `/api/meetings/${meetingId}/attendance`, {
      as: ben,
      body: { personId: ana.id, status: 'present' },
    });
    expect(bySecretary.status).toBe(200);
    const stranger = await call('POST', `/api/meetings/${meetingId}/attendance`, {
      as: ben,
      body: { personId: outsider.id, status: 'present' },
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.fields[0].field).toBe('personId');
  });

  it('should let the chair and secretary write minutes per item, not others', async () => {
    const agenda = (await detail(ana, meetingId)).body.agenda as { id: string; kind: string }[];
    const problem = agenda.find((i) => i.kind === 'problem')!;
    const written = await call('PATCH', `/api/agenda-items/${problem.id}`, {
      as: ben,
      body: { minutes: 'Ben will drive on Tuesday.' },
    });
    expect(written.status, written.text).toBe(200);
    expect(written.body.minutes).toBe('Ben will drive on Tuesday.');
    expect(
      (await call('PATCH', `/api/agenda-items/${problem.id}`, { as: cy, body: { minutes: 'Changed' } }))
        .status,
    ).toBe(403);
    const added = await call('POST', `/api/meetings/${meetingId}/agenda`, {
      as: cy,
      body: { title: 'Raised during' },
    });
    expect(added.status).toBe(201);
  });

  it('should close, publish the minutes to the house, record the rest absent and audit reading them', async () => {
    const closed = await call('POST', `/api/meetings/${meetingId}/close`, { as: ana });
    expect(closed.status).toBe(200);
    expect(closed.body.state).toBe('closed');
    const statuses = Object.fromEntries(
      closed.body.attendance.map((a: { personId: string; status: string }) => [a.personId, a.status]),
    );
    expect(statuses).toMatchObject({
      [ana.id]: 'present',
      [cy.id]: 'present',
      [ben.id]: 'absent',
      [leader.id]: 'absent',
    });
    const past = await meetingsOf(cy, houseId, '?q=drive');
    expect(past.body.past.map((m: { id: string }) => m.id)).toEqual([meetingId]);
    expect((await meetingsOf(cy, houseId, '?q=nothing-like-this')).body.past).toEqual([]);
    const read = await detail(cy, meetingId);
    expect(
      read.body.agenda.some((i: { minutes: string }) => i.minutes === 'Ben will drive on Tuesday.'),
    ).toBe(true);
    const audits = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'meeting.minutes.read'), eq(auditEvents.subjectId, meetingId)));
    expect(audits.some((a) => a.actorId === cy.id)).toBe(true);
    const agenda = read.body.agenda as { id: string; kind: string }[];
    expect(
      (await call('PATCH', `/api/agenda-items/${agenda[0]!.id}`, { as: ana, body: { minutes: 'Late edit' } }))
        .status,
    ).toBe(409);
    expect(
      (await call('POST', `/api/meetings/${meetingId}/agenda`, { as: cy, body: { title: 'Too late' } }))
        .status,
    ).toBe(409);
  });

  it('should bring open commitments back as follow-ups on the next meeting', async () => {
    const [meeting] = await testDb().select().from(houseMeetings).where(eq(houseMeetings.id, meetingId));
    const [open] = await testDb()
      .insert(commitments)
      .values({
        organizationId: meeting!.organizationId,
        residenceId: houseId,
        meetingId,
        helperId: ben.id,
        helpedId: cy.id,
        description: 'Drive Cy to the Tuesday meeting',
        supportKind: 'instrumental',
      })
      .returning();
    await testDb().insert(commitments).values({
      organizationId: meeting!.organizationId,
      residenceId: houseId,
      meetingId,
      helperId: ana.id,
      description: 'Already done',
      supportKind: 'emotional',
      doneAt: new Date(),
    });
    const next = (await meetingsOf(ana)).body.upcoming.find(
      (m: { state: string; kind: string }) => m.state === 'upcoming' && m.kind === 'regular',
    );
    const first = await detail(ana, next.id);
    const followUps = first.body.agenda.filter((i: { kind: string }) => i.kind === 'follow_up');
    expect(followUps).toEqual([
      expect.objectContaining({ commitmentId: open!.id, title: 'Drive Cy to the Tuesday meeting' }),
    ]);
    const again = await detail(ben, next.id);
    expect(again.body.agenda.filter((i: { kind: string }) => i.kind === 'follow_up')).toHaveLength(1);
  });

  it('should bring the same promise back once, naming who made it', async () => {
    const [meeting] = await testDb().select().from(houseMeetings).where(eq(houseMeetings.id, meetingId));
    const made = {
      organizationId: meeting!.organizationId,
      residenceId: houseId,
      supportKind: 'instrumental' as const,
    };
    // Ben promised the same again (another day, other spaces and case); Ana made a promise in the same words.
    const [repeated] = await testDb()
      .insert(commitments)
      .values({
        ...made,
        helperId: ben.id,
        helpedId: cy.id,
        description: '  drive Cy to the  Tuesday meeting',
      })
      .returning();
    const [anas] = await testDb()
      .insert(commitments)
      .values({ ...made, helperId: ana.id, helpedId: cy.id, description: 'Drive Cy to the Tuesday meeting' })
      .returning();
    const next = (await meetingsOf(ana)).body.upcoming.find(
      (m: { state: string; kind: string }) => m.state === 'upcoming' && m.kind === 'regular',
    );
    const followUpsOf = async (person: TestPerson) =>
      (await detail(person, next.id)).body.agenda.filter((i: { kind: string }) => i.kind === 'follow_up');
    const shown = await followUpsOf(cy);
    expect(shown).toHaveLength(2);
    expect(shown.map((i: { committedBy: { personId: string } }) => i.committedBy.personId)).toEqual([
      ben.id,
      ana.id,
    ]);
    expect(shown[1].committedBy.displayName).toMatch(/^Anastasia/);
    expect(shown.find((i: { commitmentId: string }) => i.commitmentId === anas!.id)).toBeDefined();
    expect(shown.find((i: { commitmentId: string }) => i.commitmentId === repeated!.id)).toBeUndefined();
    // A repeat already on the agenda (added before repeats were recognised) is shown once too.
    await testDb().insert(agendaItems).values({
      organizationId: meeting!.organizationId,
      residenceId: houseId,
      meetingId: next.id,
      kind: 'follow_up',
      title: repeated!.description,
      commitmentId: repeated!.id,
      position: 99,
    });
    expect(await followUpsOf(ben)).toHaveLength(2);
    // Items other than follow-ups name no one as having committed.
    const agenda = (await detail(ben, next.id)).body.agenda;
    for (const item of agenda.filter((i: { kind: string }) => i.kind !== 'follow_up'))
      expect(item.committedBy).toBeNull();
  });
});

describe('celebrations on the agenda', () => {
  it('should list milestones of residents who share them with the house, and no others', async () => {
    const house = (await buildResidence(admin, { timeZone: ZONE })).id;
    const sharer = await buildPerson(admin, { role: 'resident', residenceId: house, firstName: 'Sharon' });
    const private_ = await buildPerson(admin, { role: 'resident', residenceId: house, firstName: 'Priya' });
    await call('POST', '/api/journey/clocks', {
      as: sharer,
      body: { startsOn: addDays(today(), -30), visibleTo: 'house' },
    });
    await call('POST', '/api/journey/clocks', {
      as: private_,
      body: { startsOn: addDays(today(), -60), visibleTo: 'only_me' },
    });
    const leaderC = await buildPerson(admin, { role: 'peer_leader', residenceId: house });
    const made = await call('POST', `/api/residences/${house}/meetings`, {
      as: leaderC,
      body: { kind: 'one_off', title: 'House meeting', date: addDays(today(), 1), time: '19:00' },
    });
    const celebrationsSeenBy = async (as: TestPerson) =>
      (await detail(as, made.body.id)).body.agenda.find((i: { kind: string }) => i.kind === 'celebrations')
        .celebrations as { personId: string; milestone: { key: string } }[];
    expect((await celebrationsSeenBy(private_)).map((c) => [c.personId, c.milestone.key]).sort()).toEqual(
      [
        [private_.id, '60d'],
        [sharer.id, '30d'],
      ].sort(),
    );
    expect((await celebrationsSeenBy(sharer)).map((c) => [c.personId, c.milestone.key])).toEqual([
      [sharer.id, '30d'],
    ]);
  });
});

describe('meeting settings', () => {
  it('should give the peer leader and admin the settings, with the default quorum', async () => {
    const got = await call('GET', `/api/residences/${houseId}/meeting-settings`, { as: leader });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      quorum: null,
      reminderMinutes: 120,
      defaultQuorum: 2,
      weeklyOutsideGoal: null,
    });
    const set = await call('PATCH', `/api/residences/${houseId}/meeting-settings`, {
      as: admin,
      body: { quorum: 3, weeklyOutsideGoal: 3, reminderMinutes: 60 },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ quorum: 3, weeklyOutsideGoal: 3, reminderMinutes: 60 });
    const bad = await call('PATCH', `/api/residences/${houseId}/meeting-settings`, {
      as: leader,
      body: { reminderMinutes: -5 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toContain('reminderMinutes');
    expect((await call('GET', `/api/residences/${houseId}/meeting-settings`, { as: ana })).status).toBe(403);
    expect(
      (await call('GET', `/api/residences/${houseId}/meeting-settings`, { as: otherLeader })).status,
    ).toBe(404);
    await call('PATCH', `/api/residences/${houseId}/meeting-settings`, {
      as: leader,
      body: { reminderMinutes: 120 },
    });
  });
});

describe('reminders', () => {
  it('should remind each member once before the meeting, and let them read it', async () => {
    const { sendMeetingReminders } = await import('./notifications.ts');
    const next = (await meetingsOf(ana)).body.upcoming.find(
      (m: { state: string; kind: string }) => m.state === 'upcoming' && m.kind === 'emergency',
    );
    const startsAt = new Date(next.startsAt);
    const remindersOf = async (person: TestPerson) =>
      (await call('GET', '/api/notifications', { as: person })).body.notifications.filter(
        (n: { meetingId: string }) => n.meetingId === next.id,
      );
    await sendMeetingReminders(testDb(), new Date(startsAt.getTime() - 200 * 60_000));
    expect(await remindersOf(ana)).toEqual([]);
    const sent = await sendMeetingReminders(testDb(), new Date(startsAt.getTime() - 60 * 60_000));
    // Ana, Ben, Cy and Lena (the peer leader), at least.
    expect(sent).toBeGreaterThanOrEqual(4);
    expect(await sendMeetingReminders(testDb(), new Date(startsAt.getTime() - 59 * 60_000))).toBe(0);
    for (const person of [ana, ben, cy, leader]) expect(await remindersOf(person)).toHaveLength(1);
    const mine = await call('GET', '/api/notifications', { as: ana });
    expect(mine.status).toBe(200);
    expect(mine.body.unread).toBeGreaterThanOrEqual(1);
    const reminder = mine.body.notifications.find((n: { meetingId: string }) => n.meetingId === next.id);
    expect(reminder).toMatchObject({
      kind: 'meeting_reminder',
      title: 'We need to talk tonight',
      readAt: null,
      // The house's zone comes with it, so every phone shows the meeting at the house's time.
      timeZone: next.timeZone,
    });
    expect(reminder.timeZone).toEqual(expect.any(String));
    expect((await call('GET', '/api/notifications', { as: outsider })).body.notifications).toEqual([]);
    expect((await call('POST', `/api/notifications/${reminder.id}/read`, { as: ben })).status).toBe(404);
    expect((await call('POST', `/api/notifications/${reminder.id}/read`, { as: ana })).status).toBe(200);
    const after = await call('GET', '/api/notifications', { as: ana });
    expect(after.body.notifications.find((n: { id: string }) => n.id === reminder.id).readAt).not.toBeNull();
  });
});

describe('more of the schedule', () => {
  it('should materialise weeks across the spring DST change, each at 19:00 in the house', async () => {
    const house = (await buildResidence(admin, { timeZone: ZONE })).id;
    const [series] = await testDb()
      .insert(houseMeetingSeries)
      .values({
        organizationId: admin.organizationId,
        residenceId: house,
        title: 'House meeting',
        rrule: 'FREQ=WEEKLY;BYDAY=SU',
        startsOn: '2026-02-01',
        startTime: '19:00',
        timeZone: ZONE,
      })
      .returning();
    const created = await materialiseSeries(testDb(), series!.id, new Date('2026-02-20T12:00:00Z'));
    expect(created).toBe(8);
    const rows = await testDb().select().from(houseMeetings).where(eq(houseMeetings.seriesId, series!.id));
    expect(rows.map((r) => r.localDate).sort()).toEqual([
      '2026-02-22',
      '2026-03-01',
      '2026-03-08',
      '2026-03-15',
      '2026-03-22',
      '2026-03-29',
      '2026-04-05',
      '2026-04-12',
    ]);
    for (const r of rows) expect(localTimeOf(r.startsAt, ZONE)).toBe('19:00');
    // Idempotent on the next day's run, which adds only the new week at the end.
    expect(await materialiseSeries(testDb(), series!.id, new Date('2026-02-21T12:00:00Z'))).toBe(0);
    expect(await materialiseSeries(testDb(), series!.id, new Date('2026-02-27T12:00:00Z'))).toBe(1);
  });

  it('should refuse a bad RRULE on change, naming the field, and change nothing', async () => {
    const bad = await call('PATCH', `/api/meeting-series/${seriesId}`, {
      as: leader,
      body: { rrule: 'FREQ=WEEKLY;BYDAY=FUNDAY' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('rrule');
    const late = await call('PATCH', `/api/meeting-series/${seriesId}`, {
      as: leader,
      body: { startTime: '25:00' },
    });
    expect(late.status).toBe(400);
    const nothing = await call('PATCH', `/api/meeting-series/${seriesId}`, { as: leader, body: {} });
    expect(nothing.status).toBe(200);
    const [series] = await testDb()
      .select()
      .from(houseMeetingSeries)
      .where(eq(houseMeetingSeries.id, seriesId));
    expect(series).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=SU', startTime: '19:00' });
  });

  it('should let an author take their own item off before the meeting, never a standing item', async () => {
    const made = await call('POST', `/api/residences/${houseId}/meetings`, {
      as: leader,
      body: { kind: 'one_off', title: 'Extra meeting', date: addDays(today(), 3), time: '18:00' },
    });
    const item = await call('POST', `/api/meetings/${made.body.id}/agenda`, {
      as: cy,
      body: { title: 'Never mind' },
    });
    expect((await call('DELETE', `/api/agenda-items/${item.body.id}`, { as: ana })).status).toBe(403);
    expect((await call('DELETE', `/api/agenda-items/${item.body.id}`, { as: cy })).status).toBe(200);
    expect((await call('DELETE', `/api/agenda-items/${item.body.id}`, { as: cy })).status).toBe(404);
    const business = made.body.agenda.find((i: { kind: string }) => i.kind === 'business');
    expect((await call('DELETE', `/api/agenda-items/${business.id}`, { as: leader })).status).toBe(409);
    expect((await call('DELETE', `/api/agenda-items/${business.id}`, { as: outsider })).status).toBe(404);
  });
});
