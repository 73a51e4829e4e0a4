import type { BlockFigure, LatencySummary, RedteamReport } from './redteam-report.js';

/** One report and the gate's verdict on it, as the writers show them. */
export interface GatedReport {
  report: RedteamReport;
  failures: string[];
}

const styles = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; } h3 { font-size: 1rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #d0d0d5; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #f3f3f6; } td.number { text-align: right; font-variant-numeric: tabular-nums; }
.pass { color: #0a7d28; font-weight: 600; } .fail { color: #b00020; font-weight: 600; }
.low { background: #fde8ea; } code { font-size: 0.9em; }
`;

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;

function table(headers: string[], rows: string[][]): string {
  const head = headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const text = (value: string) => `<td>${escapeHtml(value)}</td>`;
const number = (value: number | string) => `<td class="number">${escapeHtml(String(value))}</td>`;

function rateCell(figure: BlockFigure | undefined, benign: boolean): string {
  if (figure == null || figure.total === 0) return '<td class="number">–</td>';
  const weak = benign ? figure.rate > 0.02 : figure.rate < 0.95;
  const label = `${percent(figure.rate)} (${figure.blocked}/${figure.total})`;
  return `<td class="number${weak ? ' low' : ''}">${escapeHtml(label)}</td>`;
}

function categorySection(report: RedteamReport): string {
  const rows = Object.entries(report.byCategory).map(([category, figure]) => [
    text(category),
    number(figure.total),
    number(figure.blocked),
    rateCell(figure, category === 'benign'),
  ]);
  return `<h3>By category</h3>${table(['category', 'cases', 'refused', 'refused rate'], rows)}`;
}

function techniqueSection(report: RedteamReport): string {
  const rows = Object.entries(report.byTechnique).map(([technique, figures]) => [
    text(technique),
    rateCell(figures.harmful, false),
    rateCell(figures.benign, true),
  ]);
  const headers = ['technique', 'harmful refused', 'benign refused (false positives)'];
  return `<h3>By technique</h3>${table(headers, rows)}`;
}

function matrixSection(report: RedteamReport): string {
  const techniques = Object.keys(report.byTechnique);
  const rows = Object.entries(report.byCategoryAndTechnique).map(([category, cells]) => [
    text(category),
    ...techniques.map((technique) => rateCell(cells[technique], category === 'benign')),
  ]);
  return `<h3>Category × technique</h3>${table(['category', ...techniques], rows)}`;
}

function falsePositiveSection(report: RedteamReport): string {
  const cases = report.falsePositives.cases;
  if (cases.length === 0) return '<h3>Benign prompts refused</h3><p>None.</p>';
  const rows = cases.map((refused) => [
    text(refused.id),
    text(refused.technique),
    text(refused.rules.join(', ')),
    `<td><code>${escapeHtml(refused.text)}</code></td>`,
  ]);
  return `<h3>Benign prompts refused</h3>${table(['id', 'technique', 'rules', 'prompt'], rows)}`;
}

/** Ids only: the report never repeats a harmful prompt. */
function missSection(report: RedteamReport): string {
  if (report.misses.length === 0) return '<h3>Harmful prompts allowed</h3><p>None.</p>';
  const rows = report.misses.map((miss) => [
    text(miss.id),
    text(miss.category),
    text(miss.technique),
  ]);
  return (
    `<h3>Harmful prompts allowed (${report.misses.length}, ids only)</h3>` +
    `<details><summary>show ids</summary>${table(['id', 'category', 'technique'], rows)}</details>`
  );
}

function latencyRow(name: string, summary: LatencySummary): string[] {
  const ms = (value: number) => number(value.toFixed(3));
  return [
    text(name),
    number(summary.count),
    ms(summary.p50),
    ms(summary.p95),
    ms(summary.p99),
    ms(summary.max),
  ];
}

function latencySection(report: RedteamReport): string {
  const rows = [
    latencyRow('whole screen', report.screenLatency),
    ...Object.entries(report.latencyByCheck).map(([checkId, summary]) =>
      latencyRow(checkId, summary),
    ),
  ];
  const headers = ['check', 'samples', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'];
  return `<h3>Latency</h3>${table(headers, rows)}`;
}

function gateSection({ failures }: GatedReport): string {
  if (failures.length === 0) return '<p class="pass">Gate: passed</p>';
  const items = failures.map((failure) => `<li>${escapeHtml(failure)}</li>`).join('');
  return `<p class="fail">Gate: failed</p><ul>${items}</ul>`;
}

function reportSection(gated: GatedReport): string {
  const { report } = gated;
  const counts = report.counts;
  const summary =
    `${counts.cases} cases (${counts.harmful} harmful, ${counts.benign} benign, ` +
    `${counts.errors} errors), policy ${report.policyVersion ?? 'unknown'}, ` +
    `${(report.durationMs / 1000).toFixed(2)} s`;
  return [
    `<h2>${escapeHtml(report.label)}</h2>`,
    `<p>${escapeHtml(summary)}</p>`,
    gateSection(gated),
    categorySection(report),
    techniqueSection(report),
    matrixSection(report),
    falsePositiveSection(report),
    missSection(report),
    latencySection(report),
  ].join('\n');
}

/** One HTML file with everything inline: no scripts, fonts, images or links to fetch. */
export function renderRedteamHtml(reports: readonly GatedReport[]): string {
  const runId = reports[0]?.report.runId ?? '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>vgw red-team report ${escapeHtml(runId)}</title>
<style>${styles}</style></head>
<body>
<h1>vgw red-team report</h1>
<p>Run ${escapeHtml(runId)}. Harmful prompts are listed by id only.</p>
${reports.map(reportSection).join('\n')}
</body></html>
`;
}
