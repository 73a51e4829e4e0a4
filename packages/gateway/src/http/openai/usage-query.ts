import { InvalidRequestError } from '@vgw/spec';
import { usageGroups, type UsageGroup } from '../../db/usage-repository.js';

const daySeconds = 86_400;
const maxBuckets = 180;

export interface ParsedUsageQuery {
  startSeconds: number;
  endSeconds: number;
  bucketSeconds: number;
  groupBy: UsageGroup[];
}

function unixSeconds(value: string | undefined, name: string): number | null {
  if (value == null || value === '') return null;
  if (!/^\d{1,12}$/.test(value)) {
    throw new InvalidRequestError(`${name} must be a time in unix seconds`, name);
  }
  return Number(value);
}

function groupsOf(values: string[]): UsageGroup[] {
  const groups = values.flatMap((value) => value.split(',')).filter((value) => value !== '');
  for (const group of groups) {
    if (!(usageGroups as readonly string[]).includes(group)) {
      throw new InvalidRequestError(
        `group_by must be among ${usageGroups.join(', ')}; got "${group}"`,
        'group_by',
      );
    }
  }
  return [...new Set(groups)] as UsageGroup[];
}

/**
 * `GET /v1/usage` in the shape of OpenAI's costs API: `start_time` (required), `end_time`
 * (default: `limit` buckets later), `bucket_width=1d` (the only width, as there), `limit`
 * (buckets, 1-180, default 7) and `group_by` (repeated or comma-separated).
 */
export function parseUsageQuery(
  query: Record<string, string>,
  groupBy: string[],
): ParsedUsageQuery {
  const start = unixSeconds(query.start_time, 'start_time');
  if (start == null) throw new InvalidRequestError('start_time is required', 'start_time');
  if ((query.bucket_width ?? '1d') !== '1d') {
    throw new InvalidRequestError('bucket_width must be 1d', 'bucket_width');
  }
  const limit = query.limit == null ? 7 : /^\d{1,3}$/.test(query.limit) ? Number(query.limit) : 0;
  if (!(limit >= 1 && limit <= maxBuckets)) {
    throw new InvalidRequestError(`limit must be an integer from 1 to ${maxBuckets}`, 'limit');
  }
  const end = unixSeconds(query.end_time, 'end_time') ?? start + limit * daySeconds;
  if (end <= start) throw new InvalidRequestError('end_time must be after start_time', 'end_time');
  if (Math.ceil((end - start) / daySeconds) > maxBuckets) {
    throw new InvalidRequestError(`at most ${maxBuckets} days at a time`, 'end_time');
  }
  return {
    startSeconds: start,
    endSeconds: end,
    bucketSeconds: daySeconds,
    groupBy: groupsOf(groupBy),
  };
}
