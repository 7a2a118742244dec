// Routes of commitments, decisions by vote and minutes: validate (the contract) → authorize (records.ts,
// policy.ts) → do → present.
import { and, eq } from 'drizzle-orm';
import { decisionApi } from '../../../shared/contracts/decisions.ts';
import { commitments } from '../../platform/database/schema.ts';
import { currentHousesOf } from '../../platform/policies.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import {
  listOpenCommitments,
  loadCommitments,
  markCommitmentDone,
  myOpenCommitments,
  recordCommitment,
} from './commitments.ts';
import { minutesHistory, minutesOf } from './minutes.ts';
import { castVote, closeMotion, isPresent, loadMotions, proposeMotion } from './motions.ts';
import { currentMembers, houseForMember, meetingForMember } from './records.ts';

export function decisionRoutes(app: App): void {
  commitmentRoutes(app);
  motionRoutes(app);
  minutesRoutes(app);
}

function commitmentRoutes(app: App): void {
  route(app, decisionApi.meetingCommitments, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, query }) => {
      const meeting = await meetingForMember(db, actor, params.id, 'commitments.read');
      const ofItem = query.itemId ? eq(commitments.agendaItemId, query.itemId) : undefined;
      return {
        commitments: await loadCommitments(db, actor, and(eq(commitments.meetingId, meeting.id), ofItem)),
        members: await currentMembers(db, actor.organizationId, meeting.residenceId),
      };
    },
  });
  route(app, decisionApi.recordCommitment, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, body, reply }) => {
      const meeting = await meetingForMember(db, actor, params.id, 'commitment.record');
      const view = await recordCommitment(db, actor, meeting, body);
      reply.status(201);
      return view;
    },
  });
  route(app, decisionApi.myCommitments, {
    policy: 'signedIn',
    handler: async ({ db, actor }) => await myOpenCommitments(db, actor, currentHousesOf(actor)),
  });
  route(app, decisionApi.markDone, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, body }) => await markCommitmentDone(db, actor, params.id, body.note),
  });
  route(app, decisionApi.houseCommitments, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, query }) => {
      const house = await houseForMember(db, actor, params.id, 'commitments.read');
      const list =
        query.status === 'open'
          ? await listOpenCommitments(db, actor, house.id)
          : await loadCommitments(db, actor, eq(commitments.residenceId, house.id));
      return { commitments: list };
    },
  });
}

function motionRoutes(app: App): void {
  route(app, decisionApi.meetingMotions, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, query }) => {
      const meeting = await meetingForMember(db, actor, params.id, 'motions.read');
      const all = await loadMotions(db, actor, [meeting.id]);
      return {
        motions: query.itemId ? all.filter((m) => m.agendaItemId === query.itemId) : all,
        iAmPresent: await isPresent(db, actor.organizationId, meeting.id, actor.personId),
      };
    },
  });
  route(app, decisionApi.proposeMotion, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, body, reply }) => {
      const meeting = await meetingForMember(db, actor, params.id, 'motion.propose');
      const view = await proposeMotion(db, actor, meeting, body);
      reply.status(201);
      return view;
    },
  });
  route(app, decisionApi.vote, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, body, reply }) => {
      const view = await castVote(db, actor, params.id, body.choice);
      reply.status(201);
      return view;
    },
  });
  route(app, decisionApi.closeMotion, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => await closeMotion(db, actor, params.id),
  });
}

function minutesRoutes(app: App): void {
  route(app, decisionApi.minutes, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) =>
      await minutesOf(db, actor, await meetingForMember(db, actor, params.id, 'minutes.read')),
  });
  route(app, decisionApi.minutesHistory, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, query }) => {
      const house = await houseForMember(db, actor, params.id, 'minutes.search');
      return {
        residenceName: house.name,
        meetings: await minutesHistory(db, actor, house.id, query.q || undefined),
      };
    },
  });
}
