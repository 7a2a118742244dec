import { z } from 'zod';
import { isValidTimeZone } from '../domain/dates.ts';

export const IdSchema = z.uuid({ message: 'must be an id' });
export const IdParamsSchema = z.strictObject({ id: IdSchema });
export const DateSchema = z.iso.date({ message: 'must be a date like 2026-01-31' });
export const TimestampSchema = z.string();
export const TimeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isValidTimeZone, { message: 'must be an IANA time zone like America/Chicago' });

export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorSchema>;

export const OkSchema = z.object({ ok: z.literal(true) });
