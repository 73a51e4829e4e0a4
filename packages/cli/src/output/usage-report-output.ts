import { formatUsd } from '@vgw/gateway';
import type { UsageReport, UsageReportGroup, UsageReportLine } from '@vgw/gateway';
import { renderCsv, type CsvCell } from './render-csv.js';
import { renderTable } from './render-table.js';

/** Each group's field in JSON and CSV; a key is named by its id, as `vgw budgets` does. */
const groupFields: Record<UsageReportGroup, string> = {
  model: 'model',
  provider: 'provider',
  key: 'key_id',
  route: 'route',
};

/** What a null group means in a table, where an empty cell would read as a gap. */
const noGroup: Record<UsageReportGroup, string> = {
  model: '(none)',
  provider: '(none)',
  key: '(no key)',
  route: '(no route)',
};

const totalLabel = '(total)';

function lineJson(line: UsageReportLine) {
  const perSecond = line.costPerFinishedSecondMicroUsd;
  return {
    videos: line.videos,
    attempts: line.attempts,
    finished_seconds: line.finishedSeconds,
    spent_usd: formatUsd(line.spentMicroUsd),
    settled_usd: formatUsd(line.settledMicroUsd),
    at_risk_usd: formatUsd(line.atRiskMicroUsd),
    open_reservations_usd: formatUsd(line.openMicroUsd),
    failure_cost_usd: formatUsd(line.failureMicroUsd),
    cost_per_finished_second_usd: perSecond != null ? formatUsd(perSecond) : null,
    never_downloaded_usd: formatUsd(line.neverDownloadedMicroUsd),
    upstream_rejections: line.upstreamRejections,
  };
}

/** The figures' fields in the order the CSV and the table give them. */
const lineFields = [
  'videos',
  'attempts',
  'finished_seconds',
  'spent_usd',
  'settled_usd',
  'at_risk_usd',
  'open_reservations_usd',
  'failure_cost_usd',
  'cost_per_finished_second_usd',
  'never_downloaded_usd',
  'upstream_rejections',
] as const satisfies readonly (keyof ReturnType<typeof lineJson>)[];

export function usageReportJson(report: UsageReport) {
  const group = report.groupBy;
  return {
    object: 'usage.report',
    project: report.projectName,
    since: report.since.toISOString(),
    until: report.until.toISOString(),
    group_by: group,
    data:
      group == null
        ? []
        : report.groups.map((row) => ({ [groupFields[group]]: row.group, ...lineJson(row) })),
    total: lineJson(report.totals),
  };
}

/** Groups, then the totals (`(total)` in the group's column); null cells are left empty. */
export function usageReportCsv(report: UsageReport): string {
  const group = report.groupBy;
  const cells = (line: UsageReportLine): CsvCell[] => {
    const shown = lineJson(line);
    return lineFields.map((field) => shown[field]);
  };
  if (group == null) return renderCsv(lineFields, [cells(report.totals)]);
  return renderCsv(
    [groupFields[group], ...lineFields],
    [
      ...report.groups.map((row) => [row.group, ...cells(row)]),
      [totalLabel, ...cells(report.totals)],
    ],
  );
}

/** Short, so the table fits a terminal; the heading says the amounts are USD. */
const tableHeaders = [
  'videos',
  'attempts',
  'finished s',
  'spent',
  'settled',
  'at risk',
  'open',
  'failures',
  'per finished s',
  'not downloaded',
];

function tableCells(line: UsageReportLine): string[] {
  const shown = lineJson(line);
  return lineFields.map((field) => String(shown[field] ?? '-'));
}

function formatInstant(instant: Date): string {
  return instant
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** A line saying what the report covers, then the table; the totals come last. */
export function usageReportTable(report: UsageReport): string {
  const group = report.groupBy;
  const span = `${formatInstant(report.since)} to ${formatInstant(report.until)}`;
  const heading = `usage of project ${report.projectName}, ${span}; amounts in USD\n`;
  if (group == null) return heading + renderTable(tableHeaders, [tableCells(report.totals)]);
  const rows = report.groups.map((row) => [row.group ?? noGroup[group], ...tableCells(row)]);
  return (
    heading +
    renderTable([group, ...tableHeaders], [...rows, [totalLabel, ...tableCells(report.totals)]])
  );
}
