import type { BenchReport } from '../leaderboard/bench-report.js';
import { flickerSection } from './flicker-charts.js';
import { escapeHtml, joinMarkup } from './html-escape.js';
import { leaderboardSection } from './leaderboard-section.js';
import { thumbnailSection } from './thumbnail-grid.js';
import { winRateSection } from './win-rate-section.js';

const styles = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px; color: #222; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin-top: 32px; }
h3 { font-size: 14px; margin: 16px 0 4px; }
table { border-collapse: collapse; } th, td { border: 1px solid #ddd; padding: 4px 8px; }
th { background: #f4f4f4; text-align: left; vertical-align: bottom; font-weight: 600; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.ci, .dir, .shot { color: #777; font-size: 11px; font-weight: normal; }
.model { white-space: nowrap; font-weight: 600; }
.bad, .loss { color: #b00020; } .win { color: #0a7d2c; } .diag { background: #eee; }
.note { color: #555; max-width: 70em; } .scroll { overflow-x: auto; }
.charts, .shots { display: flex; flex-wrap: wrap; gap: 16px; }
figure.chart { margin: 0; max-width: 520px; } .prompt { color: #555; font-size: 12px; }
svg text { font-size: 10px; fill: #555; } svg .axis { stroke: #999; stroke-width: 1; }
.legend .key { margin-right: 16px; white-space: nowrap; }
.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; }
figure.thumb, div.thumb { display: inline-block; margin: 2px; text-align: center; font-size: 11px; }
div.thumb { width: 160px; padding: 24px 0; background: #f4f4f4; color: #777; }
div.thumb.failed { color: #b00020; }
.howto { background: #f7f7fb; border-left: 4px solid #88a; padding: 8px 16px; max-width: 70em; }
`;

function howToRead(): string {
  return joinMarkup([
    '<section class="howto">',
    '<h2>How to read this</h2>',
    '<p><b>Stability index</b> (0–100, higher is steadier) combines warping error, luma ' +
      'flicker, camera jitter, motion smoothness and freezes. <b>Always read it with the ' +
      'dynamic degree beside it:</b> a frozen or static clip is perfectly “stable”, so a high ' +
      'index with little motion may just mean the engine did not animate the prompt.</p>',
    '<p>The bracketed ranges are 95 % bootstrap intervals of the mean: where two engines’ ' +
      'intervals overlap widely, the bench has not shown a difference — add prompts or ' +
      '<code>--repeat</code>. Win rates compare engines prompt by prompt, which is fairer when ' +
      'some prompts are harder than others. The metrics use Farneback flow in place of the ' +
      'neural networks of VBench and EvalCrafter; drift is approximate.</p>',
    '</section>',
  ]);
}

function summary(report: BenchReport): string {
  const { settings } = report;
  const failed = report.runs.filter((run) => run.status === 'failed').length;
  const parts = [
    `${report.prompts.length} prompts × ${settings.models.length} models × ${settings.repeat} repeat(s)`,
    `${report.runs.length - failed} completed, ${failed} failed`,
    settings.seconds != null ? `${settings.seconds} s` : 'default duration',
    settings.size ?? 'default size',
    `${report.gateway} gateway`,
    report.createdAt,
  ];
  return `<p class="note">${escapeHtml(parts.join(' · '))}</p>`;
}

/**
 * report.html: one file with nothing to fetch (inline CSS and SVG, thumbnails as data: URIs),
 * so it can be mailed or attached to a ticket as is. Every user-provided string is escaped.
 */
export function renderReportHtml(
  report: BenchReport,
  thumbnails: ReadonlyMap<string, string>,
): string {
  return joinMarkup([
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>vgw bench report</title>',
    `<style>${styles}</style>`,
    '</head>',
    '<body>',
    '<h1>vgw bench: temporal stability by engine</h1>',
    summary(report),
    howToRead(),
    leaderboardSection(report),
    winRateSection(report),
    flickerSection(report),
    thumbnailSection(report, thumbnails),
    '</body>',
    '</html>',
    '',
  ]);
}
