import type { LeaderboardRow } from '../leaderboard/aggregate-leaderboard.js';
import type { BenchReport } from '../leaderboard/bench-report.js';
import { leaderboardMetrics } from '../leaderboard/leaderboard-metrics.js';
import { escapeHtml, joinMarkup } from './html-escape.js';
import { intervalCell, percent, textCell, usdPerSecond } from './format-figures.js';

function headerRow(): string {
  const metricHeaders = leaderboardMetrics.map(
    (metric) =>
      `<th>${escapeHtml(metric.label)}<br><span class="dir">${metric.better} is better</span></th>`,
  );
  return joinMarkup([
    '<tr>',
    '<th>#</th><th>model</th><th>stability index<br><span class="dir">0–100, 95 % CI</span></th>',
    '<th>dynamic degree<br><span class="dir">moving pairs · clips dynamic</span></th>',
    ...metricHeaders,
    '<th>cost / s of video</th><th>median render (s)</th><th>completed</th><th>failures</th>',
    '</tr>',
  ]);
}

function dynamicCell(row: LeaderboardRow): string {
  const moving = row.dynamicDegree.movingPairFraction;
  const share = percent(row.dynamicDegree.fractionDynamic);
  if (moving == null) return '<td class="num">–</td>';
  return `<td class="num">${percent(moving.mean)} <span class="ci">· ${share} dynamic</span></td>`;
}

function costCell(row: LeaderboardRow): string {
  const note = row.costSources.includes('engine_price')
    ? ' <span class="ci">list price</span>'
    : '';
  return `<td class="num">${usdPerSecond(row.costPerSecondMicroUsd)}${note}</td>`;
}

function leaderboardRow(row: LeaderboardRow, rank: number): string {
  const render = row.medianRenderSeconds;
  return joinMarkup([
    '<tr>',
    `<td class="num">${rank}</td>`,
    textCell(row.model, 'model'),
    intervalCell(row.stabilityIndex, 1),
    dynamicCell(row),
    ...leaderboardMetrics.map((metric) => intervalCell(row.metrics[metric.key] ?? null)),
    costCell(row),
    `<td class="num">${render == null ? '–' : render.toFixed(0)}</td>`,
    `<td class="num">${row.completed}/${row.runs}</td>`,
    `<td class="num${row.failures > 0 ? ' bad' : ''}">${row.failures}</td>`,
    '</tr>',
  ]);
}

/** The leaderboard, steadiest first, with the dynamic degree right beside the index. */
export function leaderboardSection(report: BenchReport): string {
  return joinMarkup([
    '<section id="leaderboard">',
    '<h2>Leaderboard</h2>',
    '<div class="scroll"><table class="board">',
    headerRow(),
    ...report.leaderboard.map((row, index) => leaderboardRow(row, index + 1)),
    '</table></div>',
    '<p class="note">Means over the scored runs with percentile-bootstrap 95 % intervals ' +
      `(${report.settings.bootstrap.resamples} resamples, seed ${report.settings.bootstrap.seed}). ` +
      'Cost is the engine’s list price × seconds rendered (the API reports no charged cost); ' +
      'render time is created_at → completed_at, in whole seconds.</p>',
    '</section>',
  ]);
}
