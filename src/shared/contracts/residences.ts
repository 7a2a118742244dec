import { z } from 'zod';
import { STAGES } from '../domain/stages.ts';
import { NARR_LEVELS, PROGRAM_FOCUSES } from '../domain/vocabulary.ts';
import { IdParamsSchema, TimeZoneSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';

const NarrLevelSchema = z.union(
  NARR_LEVELS.map((l) => z.literal(l)) as [
    z.ZodLiteral<1>,
    z.ZodLiteral<2>,
    z.ZodLiteral<3>,
    z.ZodLiteral<4>,
  ],
  {
    message: 'must be a NARR level from 1 to 4',
  },
);

export const ResidenceInputSchema = z.strictObject({
  name: z.string().trim().min(2, { message: 'is required' }).max(120),
  address: z.string().trim().max(300).default(''),
  timeZone: TimeZoneSchema,
  bedCapacity: z.number().int().min(1, { message: 'must be at least 1' }).max(500),
  narrLevel: NarrLevelSchema,
  programFocus: z.array(z.enum(PROGRAM_FOCUSES)).max(PROGRAM_FOCUSES.length).default([]),
  programIds: z.array(z.uuid()).max(50).default([]),
});
export const ResidenceUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(2).max(120),
    address: z.string().trim().max(300),
    timeZone: TimeZoneSchema,
    bedCapacity: z.number().int().min(1).max(500),
    narrLevel: NarrLevelSchema,
    programFocus: z.array(z.enum(PROGRAM_FOCUSES)).max(PROGRAM_FOCUSES.length),
    programIds: z.array(z.uuid()).max(50),
  })
  .partial();
export type ResidenceInput = z.infer<typeof ResidenceInputSchema>;

export const ResidenceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string(),
  timeZone: z.string(),
  bedCapacity: z.number(),
  narrLevel: z.number(),
  programFocus: z.array(z.enum(PROGRAM_FOCUSES)),
  programIds: z.array(z.uuid()),
  residentCount: z.number(),
});
export type ResidenceView = z.infer<typeof ResidenceSchema>;
export const ResidenceListSchema = z.object({ residences: z.array(ResidenceSchema) });

/** What a member of a house sees of a housemate: only what that person chose to show. */
export const HousematesSchema = z.object({
  personId: z.uuid(),
  displayName: z.string(),
  pronouns: z.string().nullable(),
  recoveryPathway: z.string().nullable(),
  /** Their level of recovery, when they chose to show it to the viewer (people.stage_visible_to). */
  stage: z.enum(STAGES).nullable(),
  isMe: z.boolean(),
});
export const HouseSchema = z.object({
  residence: z.object({
    id: z.uuid(),
    name: z.string(),
    address: z.string(),
    narrLevel: z.number(),
    programFocus: z.array(z.enum(PROGRAM_FOCUSES)),
    bedCapacity: z.number(),
  }),
  peerLeaders: z.array(HousematesSchema),
  residents: z.array(HousematesSchema),
  myMembership: z.object({ role: z.string(), startsOn: z.string(), bed: z.string().nullable() }).nullable(),
});
export type House = z.infer<typeof HouseSchema>;
export const MyHousesSchema = z.object({ houses: z.array(HouseSchema) });

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const residenceReasons = defineReasons('residences', {
  unknown_program: { code: 'validation_failed', message: 'names a program that does not exist' },
});
export type ResidenceReason = keyof typeof residenceReasons;

export const residenceApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/residences',
    operationId: 'listResidences',
    summary: 'Residences of my organization',
    tags: ['residences'],
    responses: { 200: ResidenceListSchema },
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/residences',
    operationId: 'createResidence',
    summary: 'Open a residence',
    tags: ['residences'],
    body: ResidenceInputSchema,
    responses: { 201: ResidenceSchema },
    reasons: ['residences.unknown_program'],
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/residences/:id',
    operationId: 'getResidence',
    summary: 'One residence',
    tags: ['residences'],
    params: IdParamsSchema,
    responses: { 200: ResidenceSchema },
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/residences/:id',
    operationId: 'updateResidence',
    summary: 'Change a residence',
    tags: ['residences'],
    params: IdParamsSchema,
    body: ResidenceUpdateSchema,
    responses: { 200: ResidenceSchema },
    reasons: ['residences.unknown_program'],
  }),
} as const;

/** The house as its members see it (features/house); its schemas are a residence's, above. */
export const houseApi = {
  mine: endpoint({
    method: 'GET',
    path: '/api/house',
    operationId: 'listMyHouses',
    summary: 'My house (or houses I lead): who lives there and who the peer leader is',
    tags: ['house'],
    responses: { 200: MyHousesSchema },
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/residences/:id/house',
    operationId: 'getHouse',
    summary: "A house's residents and peer leaders (its members and admins)",
    tags: ['house'],
    params: IdParamsSchema,
    responses: { 200: HouseSchema },
  }),
} as const;
