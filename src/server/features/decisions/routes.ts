// Routes of commitments, decisions by vote and minutes: validate → authorize → do → present.
import { and, eq } from 'drizzle-orm';
import { IdParamsSchema } from '../../../shared/contracts/common.ts';
import {
  CommitmentListSchema,
  CommitmentSchema,
  HouseCommitmentsQuerySchema,
  MarkDoneSchema,
  MeetingCommitmentsQuerySchema,
  MeetingCommitmentsSchema,
  MeetingMotionsQuerySchema,
  MinutesHistoryQuerySchema,
  MinutesHistorySchema,
  MinutesSchema,
  MotionListSchema,
  MotionSchema,
  MyCommitmentsSchema,
  NewCommitmentSchema,
  NewMotionSchema,
  VoteSchema,
} from '../../../shared/contracts/decisions.ts';
import { recordAudit } from '../../platform/audit.ts';
import { residencesWithRole } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import { commitments } from '../../platform/database/schema.ts';
import type { App } from '../../platform/types.ts';
import { currentMembers, houseForMember, meetingForMember } from './access.ts';
import {
  listOpenCommitments,
  loadCommitments,
  markCommitmentDone,
  myOpenCommitments,
  recordCommitment,
} from './commitments.ts';
import { minutesHistory, minutesOf } from './minutes.ts';
import { castVote, closeMotion, isPresent, loadMotions, proposeMotion } from './motions.ts';

const tags = ['decisions'];

export function decisionRoutes(app: App): void {
  commitmentRoutes(app);
  motionRoutes(app);
  minutesRoutes(app);
}

function commitmentRoutes(app: App): void {
  app.get(
    '/api/meetings/:id/commitments',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: "A house meeting's commitments (how peers will help), and who can help",
        tags,
        params: IdParamsSchema,
        querystring: MeetingCommitmentsQuerySchema,
        response: { 200: MeetingCommitmentsSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const meeting = await meetingForMember(app.db, actor, request.params.id, 'commitments.read');
      const { itemId } = request.query;
      const list = await loadCommitments(
        app.db,
        actor,
        and(eq(commitments.meetingId, meeting.id), itemId ? eq(commitments.agendaItemId, itemId) : undefined),
      );
      return {
        commitments: list,
        members: await currentMembers(app.db, actor.organizationId, meeting.residenceId),
      };
    },
  );
  app.post(
    '/api/meetings/:id/commitments',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary:
          'Record a commitment: who helps whom (a member, or the whole house), how, which kind, by when',
        tags,
        params: IdParamsSchema,
        body: NewCommitmentSchema,
        response: { 201: CommitmentSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const meeting = await meetingForMember(app.db, actor, request.params.id, 'commitment.record');
      const view = await recordCommitment(app.db, actor, meeting, request.body);
      return reply.status(201).send(view);
    },
  );
  app.get(
    '/api/me/commitments',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'My open commitments, and the help others committed to give me',
        tags,
        response: { 200: MyCommitmentsSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const houses = [
        ...new Set([...residencesWithRole(actor, 'resident'), ...residencesWithRole(actor, 'peer_leader')]),
      ];
      return await myOpenCommitments(app.db, actor, houses);
    },
  );
  app.post(
    '/api/commitments/:id/done',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Mark a commitment done (the helper or the peer leader); records it in the support ledger',
        tags,
        params: IdParamsSchema,
        body: MarkDoneSchema,
        response: { 200: CommitmentSchema },
      },
    },
    async (request) =>
      await markCommitmentDone(app.db, requireActor(request), request.params.id, request.body.note),
  );
  app.get(
    '/api/residences/:id/commitments',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: "A house's commitments: open ones (default) come back on the next meeting's agenda",
        tags,
        params: IdParamsSchema,
        querystring: HouseCommitmentsQuerySchema,
        response: { 200: CommitmentListSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const house = await houseForMember(app.db, actor, request.params.id, 'commitments.read');
      const list =
        request.query.status === 'open'
          ? await listOpenCommitments(app.db, actor, house.id)
          : await loadCommitments(app.db, actor, eq(commitments.residenceId, house.id));
      return { commitments: list };
    },
  );
}

function motionRoutes(app: App): void {
  app.get(
    '/api/meetings/:id/motions',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: "A house meeting's motions: totals only, and my own vote",
        tags,
        params: IdParamsSchema,
        querystring: MeetingMotionsQuerySchema,
        response: { 200: MotionListSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const meeting = await meetingForMember(app.db, actor, request.params.id, 'motions.read');
      const all = await loadMotions(app.db, actor, [meeting.id]);
      const { itemId } = request.query;
      return {
        motions: itemId ? all.filter((m) => m.agendaItemId === itemId) : all,
        iAmPresent: await isPresent(app.db, actor.organizationId, meeting.id, actor.personId),
      };
    },
  );
  app.post(
    '/api/meetings/:id/motions',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Put a motion to the house (chair, secretary or peer leader; meeting in progress)',
        tags,
        params: IdParamsSchema,
        body: NewMotionSchema,
        response: { 201: MotionSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const meeting = await meetingForMember(app.db, actor, request.params.id, 'motion.propose');
      return reply.status(201).send(await proposeMotion(app.db, actor, meeting, request.body));
    },
  );
  app.post(
    '/api/motions/:id/votes',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Vote for, against or abstain (members present; one vote each)',
        tags,
        params: IdParamsSchema,
        body: VoteSchema,
        response: { 201: MotionSchema },
      },
    },
    async (request, reply) => {
      const view = await castVote(app.db, requireActor(request), request.params.id, request.body.choice);
      return reply.status(201).send(view);
    },
  );
  app.post(
    '/api/motions/:id/close',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Close the vote: count among members present against the quorum and record the result',
        tags,
        params: IdParamsSchema,
        response: { 200: MotionSchema },
      },
    },
    async (request) => await closeMotion(app.db, requireActor(request), request.params.id),
  );
}

function minutesRoutes(app: App): void {
  app.get(
    '/api/meetings/:id/minutes',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: "A closed house meeting's published minutes (house members only)",
        tags,
        params: IdParamsSchema,
        response: { 200: MinutesSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const meeting = await meetingForMember(app.db, actor, request.params.id, 'minutes.read');
      const minutes = await minutesOf(app.db, actor, meeting);
      await recordAudit(app.db, {
        organizationId: actor.organizationId,
        actorId: actor.personId,
        action: 'minutes.read',
        subjectType: 'house_meeting',
        subjectId: meeting.id,
      });
      return minutes;
    },
  );
  app.get(
    '/api/residences/:id/minutes',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: "A house's minutes history, newest first; q searches item titles, minutes and motions",
        tags,
        params: IdParamsSchema,
        querystring: MinutesHistoryQuerySchema,
        response: { 200: MinutesHistorySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const house = await houseForMember(app.db, actor, request.params.id, 'minutes.search');
      const q = request.query.q || undefined;
      const meetings = await minutesHistory(app.db, actor, house.id, q);
      await recordAudit(app.db, {
        organizationId: actor.organizationId,
        actorId: actor.personId,
        action: 'minutes.search',
        subjectType: 'residence',
        subjectId: house.id,
        detail: { searched: Boolean(q), count: meetings.length },
      });
      return { residenceName: house.name, meetings };
    },
  );
}
