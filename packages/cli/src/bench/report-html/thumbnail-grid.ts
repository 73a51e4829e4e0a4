import type { BenchReport } from '../leaderboard/bench-report.js';
import type { BenchRun } from '../leaderboard/bench-run.js';
import { escapeHtml, joinMarkup } from './html-escape.js';

/** Thumbnails are looked up by this key: one per prompt × model × repeat. */
export function runKey(run: Pick<BenchRun, 'promptId' | 'model' | 'repeat'>): string {
  return `${run.promptId}\u0000${run.model}\u0000${run.repeat}`;
}

function runFigure(run: BenchRun, thumbnails: ReadonlyMap<string, string>): string {
  const title = `${run.model}, repeat ${run.repeat}`;
  if (run.status !== 'completed') {
    const reason = run.failure != null ? `${run.failure.stage}: ${run.failure.code}` : 'failed';
    return `<div class="thumb failed" title="${escapeHtml(run.failure?.message ?? '')}">${escapeHtml(reason)}</div>`;
  }
  const source = thumbnails.get(runKey(run));
  const index = run.score != null ? run.score.index.value.toFixed(1) : '–';
  const image =
    source != null
      ? `<img src="${escapeHtml(source)}" width="160" alt="${escapeHtml(title)}">`
      : '<div class="thumb">no thumbnail</div>';
  return `<figure class="thumb">${image}<figcaption>index ${index}</figcaption></figure>`;
}

/** Prompts down, models across; each cell shows every repeat. */
export function thumbnailSection(
  report: BenchReport,
  thumbnails: ReadonlyMap<string, string>,
): string {
  const models = report.settings.models;
  const header = models.map((model) => `<th>${escapeHtml(model)}</th>`).join('');
  const rows = report.prompts.map((prompt) => {
    const cells = models.map((model) => {
      const runs = report.runs.filter((run) => run.promptId === prompt.id && run.model === model);
      return `<td>${runs.map((run) => runFigure(run, thumbnails)).join('')}</td>`;
    });
    const label = `<th class="model">${escapeHtml(prompt.id)}<br><span class="shot">${escapeHtml(prompt.shot)}</span></th>`;
    return `<tr>${label}${cells.join('')}</tr>`;
  });
  return joinMarkup([
    '<section id="thumbnails">',
    '<h2>Thumbnails</h2>',
    '<div class="scroll"><table class="grid">',
    `<tr><th>prompt</th>${header}</tr>`,
    ...rows,
    '</table></div>',
    '</section>',
  ]);
}
