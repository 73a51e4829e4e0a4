import { InvalidRequestError } from '@vgw/spec';
import { z } from 'zod';

/** Where a usage report starts: an instant, or a span back from the database's clock. */
export type UsageSince = { at: Date } | { secondsAgo: number };

export const defaultUsageSince = '30d';

/** What `since` accepts, in words, for the error messages of every caller. */
export const usageSinceForms =
  'a span back from now (30m, 24h, 7d, 2w), a date (2026-11-01) or a time with its offset (2026-11-01T09:00:00Z)';

const unitSeconds = { m: 60, h: 3_600, d: 86_400, w: 604_800 } as const;

const relativeSchema = z
  .string()
  .regex(/^[1-9]\d{0,5}[mhdw]$/)
  .transform((text) => ({
    secondsAgo: Number(text.slice(0, -1)) * unitSeconds[text.slice(-1) as keyof typeof unitSeconds],
  }));

// A bare date is midnight UTC, as `new Date` reads it; a time must say its offset, so the
// report never depends on the zone of the machine it runs on.
const absoluteSchema = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .transform((text) => ({ at: new Date(text) }));

const sinceSchema = z.union([relativeSchema, absoluteSchema]);

/** `7d`, `24h`, `30m`, `2w`, `2026-11-01` or `2026-11-01T09:00:00Z`. */
export function parseUsageSince(text: string): UsageSince {
  const parsed = sinceSchema.safeParse(text.trim());
  if (!parsed.success) {
    throw new InvalidRequestError(`since must be ${usageSinceForms}; got "${text}"`, 'since');
  }
  return parsed.data;
}
