import type { Context } from 'hono';
import { formatUsd, microUsdPerUsd } from '../../cost/money.js';
import { usageRows, type UsageRow } from '../../db/usage-repository.js';
import type { AppDeps, AppEnv } from '../app-deps.js';
import { parseUsageQuery, type ParsedUsageQuery } from '../openai/usage-query.js';

function result(row: UsageRow, query: ParsedUsageQuery) {
  const spent = row.settledMicroUsd + row.atRiskMicroUsd;
  return {
    object: 'video.costs.result',
    // OpenAI's field, a float for its clients; the exact figure is `amount_usd`.
    amount: { value: spent / microUsdPerUsd, currency: 'usd' },
    amount_usd: formatUsd(spent),
    at_risk_usd: formatUsd(row.atRiskMicroUsd),
    reserved_usd: formatUsd(row.reservedMicroUsd),
    attempts: row.endedAttempts,
    upstream_rejections: row.upstreamRejections,
    ...(query.groupBy.includes('model') ? { model: row.model } : {}),
    ...(query.groupBy.includes('provider') ? { provider: row.provider } : {}),
    ...(query.groupBy.includes('key') ? { api_key_id: row.key } : {}),
  };
}

/** The key's project's spend per day, every day of the range listed (empty ones too). */
export async function serveUsage(deps: AppDeps, context: Context<AppEnv>): Promise<Response> {
  const query = parseUsageQuery(context.req.query(), context.req.queries('group_by') ?? []);
  const rows = await usageRows(deps.database, { projectId: context.get('projectId'), ...query });
  const buckets = Math.ceil((query.endSeconds - query.startSeconds) / query.bucketSeconds);
  const data = Array.from({ length: buckets }, (_, bucket) => {
    const start = query.startSeconds + bucket * query.bucketSeconds;
    return {
      object: 'bucket',
      start_time: start,
      end_time: Math.min(start + query.bucketSeconds, query.endSeconds),
      results: rows.filter((row) => row.bucket === bucket).map((row) => result(row, query)),
    };
  });
  return context.json({ object: 'page', data, has_more: false, next_page: null });
}
