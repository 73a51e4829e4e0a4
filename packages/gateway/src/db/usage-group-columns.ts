/**
 * What usage may be grouped by, as SQL over a ledger entry `e`, its video `v` and its attempt
 * `a` (left-joined on `a.video_id = e.video_id and a.number = e.attempt`). Model and provider are
 * the attempt's: `videos.model` is only the current attempt's target, so a route's fallback
 * would otherwise be charged to the model it fell back to.
 */
export const usageGroupColumns = {
  model: 'coalesce(a.model, v.model)',
  provider: 'coalesce(a.provider, v.provider)',
  key: 'e.api_key_id',
  route: 'v.route',
} as const;

export type UsageGroupColumn = keyof typeof usageGroupColumns;

/**
 * Joins ledger entries `e` to their video `v` and attempt `a`. The attempt is a left join, so an
 * entry can never drop out of a sum for want of its attempt row.
 */
export const videoAndAttemptJoins = `join videos v on v.id = e.video_id
  left join video_attempts a on a.video_id = e.video_id and a.number = e.attempt`;
