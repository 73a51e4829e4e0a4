import { InvalidRequestError } from '@vgw/spec';
import type { Queryable } from '../db/queryable.js';
import type { UsageGroupColumn } from '../db/usage-group-columns.js';
import { usageReportRows, type UsageReportFigures } from '../db/usage-report-repository.js';
import { namedOrOnlyProject } from './project-by-name.js';
import type { UsageSince } from './usage-since.js';

export type UsageReportGroup = UsageGroupColumn;
export const usageReportGroups: readonly UsageReportGroup[] = ['model', 'provider', 'key', 'route'];

export interface UsageReportRequest {
  /** Null: the only project there is (refused when there are several). */
  projectName: string | null;
  since: UsageSince;
  /** Null: one totals row and no groups. */
  groupBy: string | null;
}

/** What one group, or the whole project, cost since the report's start; money in micro-USD. */
export interface UsageReportLine extends UsageReportFigures {
  /** Settled plus at risk: what the attempts are taken to have cost. */
  spentMicroUsd: number;
  /** Spent over finished seconds, rounded to the micro-dollar; null with none finished. */
  costPerFinishedSecondMicroUsd: number | null;
}

export interface UsageReport {
  projectName: string;
  /** The report's span, both ends read from the database's clock. */
  since: Date;
  until: Date;
  groupBy: UsageReportGroup | null;
  /** Null `group` is a video without a route, or without a key (the embedded CLI's). */
  groups: (UsageReportLine & { group: string | null })[];
  totals: UsageReportLine;
}

function line<Figures extends UsageReportFigures>(figures: Figures): Figures & UsageReportLine {
  const spentMicroUsd = figures.settledMicroUsd + figures.atRiskMicroUsd;
  return {
    ...figures,
    spentMicroUsd,
    costPerFinishedSecondMicroUsd:
      figures.finishedSeconds > 0 ? Math.round(spentMicroUsd / figures.finishedSeconds) : null,
  };
}

function checkedGroup(groupBy: string | null): UsageReportGroup | null {
  if (groupBy == null) return null;
  if (!(usageReportGroups as readonly string[]).includes(groupBy)) {
    throw new InvalidRequestError(
      `group by must be one of ${usageReportGroups.join(', ')}; got "${groupBy}"`,
      'group_by',
    );
  }
  return groupBy as UsageReportGroup;
}

/**
 * A project's spend since a time, per model, provider, key or route, with what the ledger alone
 * does not show: the cost of each finished second of video (failures included), what failures
 * cost, what is still at risk or reserved, and what was paid for videos nobody downloaded. Every
 * amount is a sum of ledger entries, each attempt counted once (usage-report-repository.ts).
 */
export async function usageReport(
  client: Queryable,
  request: UsageReportRequest,
): Promise<UsageReport> {
  const groupBy = checkedGroup(request.groupBy);
  const project = await namedOrOnlyProject(client, request.projectName);
  const rows = await usageReportRows(client, {
    projectId: project.id,
    since: request.since,
    groupBy,
  });
  return {
    projectName: project.name,
    since: rows.since,
    until: rows.until,
    groupBy,
    groups: rows.groups.map(line),
    totals: line(rows.totals),
  };
}
