import { z } from 'zod';
import { isValidTimeZone } from '../domain/dates.ts';

export const IdSchema = z.uuid({ message: 'must be an id' });
export const IdParamsSchema = z.strictObject({ id: IdSchema });

/**
 * The years a date or time may fall in (decision 0024): wide enough for a recovery date from decades
 * ago and for plans years ahead, narrow enough that date arithmetic, recurrences and PostgreSQL (which
 * has no year 0) never meet a year they cannot handle.
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2200;
const inYears = (text: string) => {
  const year = Number(text.slice(0, 4));
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
};
const YEARS_MESSAGE = `must be between the years ${EARLIEST_YEAR} and ${LATEST_YEAR}`;

export const DateSchema = z.iso
  .date({ message: 'must be a date like 2026-01-31', abort: true })
  .refine(inYears, { message: YEARS_MESSAGE });
/** A moment sent by a client, with its offset. */
export const InstantSchema = z.iso
  .datetime({ offset: true, message: 'must be a time like 2026-01-31T18:00:00Z', abort: true })
  .refine((text) => inYears(text) && Number.isFinite(Date.parse(text)), {
    message: YEARS_MESSAGE,
    abort: true,
  });
export const TimestampSchema = z.string();
export const TimeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isValidTimeZone, {
    message: 'must be an IANA time zone like America/Chicago',
    params: { reason: 'field.time_zone' },
  });

export { type ErrorBody, ErrorSchema } from './errors.ts';

export const OkSchema = z.object({ ok: z.literal(true) });
