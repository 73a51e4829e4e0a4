import type { BenchReport } from '../leaderboard/bench-report.js';
import type { BenchPrompt, BenchRun } from '../leaderboard/bench-run.js';
import { escapeHtml, joinMarkup } from './html-escape.js';

const width = 520;
const height = 170;
const margin = { left: 52, right: 10, top: 10, bottom: 24 };
const palette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2'];

export function modelColour(index: number): string {
  return palette[index % palette.length] as string;
}

export interface ChartLine {
  model: string;
  colour: string;
  values: readonly number[];
}

/** The y range: from a little under the lowest value to 1 (a perfectly steady pair). */
function valueRange(lines: readonly ChartLine[]): { low: number; high: number } {
  const all = lines.flatMap((line) => line.values);
  const lowest = all.length > 0 ? Math.min(...all) : 0.9;
  const low = Math.max(0, Math.min(lowest, 0.999) - 0.002);
  return { low, high: 1 };
}

function points(values: readonly number[], frames: number, range: { low: number; high: number }) {
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  return values
    .map((value, index) => {
      const x = margin.left + (frames > 1 ? (index / (frames - 1)) * plotWidth : 0);
      const y = margin.top + ((range.high - value) / (range.high - range.low)) * plotHeight;
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

function axes(range: { low: number; high: number }, frames: number): string {
  const bottom = height - margin.bottom;
  const right = width - margin.right;
  return joinMarkup([
    `<line x1="${margin.left}" y1="${margin.top}" x2="${margin.left}" y2="${bottom}" class="axis"/>`,
    `<line x1="${margin.left}" y1="${bottom}" x2="${right}" y2="${bottom}" class="axis"/>`,
    `<text x="${margin.left - 4}" y="${margin.top + 4}" text-anchor="end">${range.high.toFixed(3)}</text>`,
    `<text x="${margin.left - 4}" y="${bottom}" text-anchor="end">${range.low.toFixed(3)}</text>`,
    `<text x="${margin.left}" y="${height - 6}">pair 0</text>`,
    `<text x="${right}" y="${height - 6}" text-anchor="end">pair ${Math.max(0, frames - 1)}</text>`,
  ]);
}

/** One SVG: a polyline per model of (255 − MAE) / 255 for each consecutive frame pair. */
export function flickerChart(label: string, lines: readonly ChartLine[]): string {
  const frames = Math.max(1, ...lines.map((line) => line.values.length));
  const range = valueRange(lines);
  const polylines = lines.map(
    (line) =>
      `<polyline fill="none" stroke="${line.colour}" stroke-width="1.5" ` +
      `points="${points(line.values, frames, range)}"><title>${escapeHtml(line.model)}</title></polyline>`,
  );
  return joinMarkup([
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" ` +
      `height="${height}" role="img" aria-label="${escapeHtml(label)}">`,
    axes(range, frames),
    ...polylines,
    '</svg>',
  ]);
}

/** Per model, the first scored repeat of this prompt: repeats share the frame count. */
function linesFor(report: BenchReport, prompt: BenchPrompt): ChartLine[] {
  const lines: ChartLine[] = [];
  report.settings.models.forEach((model, index) => {
    const run = report.runs
      .filter((each: BenchRun) => each.promptId === prompt.id && each.model === model)
      .find((each) => each.score != null);
    if (run?.score == null) return;
    lines.push({ model, colour: modelColour(index), values: run.score.perFrame.flicker });
  });
  return lines;
}

function legend(report: BenchReport): string {
  const items = report.settings.models.map(
    (model, index) =>
      `<span class="key"><span class="swatch" style="background:${modelColour(index)}"></span>` +
      `${escapeHtml(model)}</span>`,
  );
  return `<p class="legend">${items.join(' ')}</p>`;
}

/** One chart per prompt, one line per model that produced a scored clip for it. */
export function flickerSection(report: BenchReport): string {
  const charts = report.prompts.map((prompt) => {
    const lines = linesFor(report, prompt);
    const body =
      lines.length > 0
        ? flickerChart(`per-frame flicker for ${prompt.id}`, lines)
        : '<p class="note">no scored clip for this prompt</p>';
    return joinMarkup([
      '<figure class="chart">',
      `<figcaption><b>${escapeHtml(prompt.id)}</b> <span class="shot">${escapeHtml(prompt.shot)}</span><br>` +
        `<span class="prompt">${escapeHtml(prompt.prompt)}</span></figcaption>`,
      body,
      '</figure>',
    ]);
  });
  return joinMarkup([
    '<section id="flicker">',
    '<h2>Per-frame flicker</h2>',
    '<p class="note">VBench’s per-pair score (255 − MAE) / 255 at native resolution: 1 is an ' +
      'unchanged pair; dips are flashes, cuts or fast motion. First scored repeat per model.</p>',
    legend(report),
    '<div class="charts">',
    ...charts,
    '</div>',
    '</section>',
  ]);
}
