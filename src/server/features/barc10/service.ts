// BARC-10: the person's own recovery-capital assessments. Only they read or export them.
import { and, asc, eq } from 'drizzle-orm';
import type { Barc10ListView, Barc10View } from '../../../shared/contracts/barc10.ts';
import {
  BARC10_PROMPT_DAYS,
  BARC10_REFERENCE,
  reachesBarc10Reference,
  scoreBarc10,
} from '../../../shared/domain/barc10.ts';
import { addDays } from '../../../shared/domain/dates.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { barc10Assessments } from '../../platform/database/schema.ts';
import { notFound } from '../../platform/errors.ts';
import { isOwnRecord } from '../../platform/policies.ts';
import { personDay } from '../check-ins/service.ts';
import { barc10Questionnaire, barc10QuestionnaireResponse } from './fhir.ts';

type Row = typeof barc10Assessments.$inferSelect;

export const presentBarc10 = (row: Row): Barc10View => ({
  id: row.id,
  localDate: row.localDate,
  completedAt: row.completedAt.toISOString(),
  answers: row.answers,
  total: row.total,
  reachesReference: reachesBarc10Reference(row.total),
});

export async function recordBarc10(
  db: Executor,
  actor: Actor,
  answers: number[],
  now: Date = new Date(),
): Promise<Barc10View> {
  const total = scoreBarc10(answers);
  const day = await personDay(actor, now);
  const [row] = await db
    .insert(barc10Assessments)
    .values({
      organizationId: actor.organizationId,
      personId: actor.personId,
      answers,
      total,
      localDate: day.today,
      completedAt: now,
    })
    .returning();
  return presentBarc10(row!);
}

export async function myBarc10(db: Executor, actor: Actor, now: Date = new Date()): Promise<Barc10ListView> {
  const day = await personDay(actor, now);
  const rows = await db
    .select()
    .from(barc10Assessments)
    .where(
      and(
        eq(barc10Assessments.organizationId, actor.organizationId),
        eq(barc10Assessments.personId, actor.personId),
      ),
    )
    .orderBy(asc(barc10Assessments.completedAt));
  const last = rows.at(-1)?.localDate ?? null;
  const nextDueOn = last ? addDays(last, BARC10_PROMPT_DAYS) : null;
  return {
    assessments: rows.map(presentBarc10),
    // Due when none was completed in the last 30 days.
    due: nextDueOn === null || nextDueOn <= day.today,
    lastCompletedOn: last,
    nextDueOn,
    reference: BARC10_REFERENCE,
  };
}

/** The FHIR R4 export of one of my assessments; anyone else's is not found. */
export async function barc10Fhir(db: Executor, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(barc10Assessments)
    .where(and(eq(barc10Assessments.id, id), eq(barc10Assessments.organizationId, actor.organizationId)));
  if (!row || !isOwnRecord(actor, row.personId)) throw notFound('assessment');
  return {
    questionnaire: barc10Questionnaire(),
    questionnaireResponse: barc10QuestionnaireResponse({
      id: row.id,
      subjectId: row.personId,
      answers: row.answers,
      total: row.total,
      completedAt: row.completedAt,
    }),
  };
}
