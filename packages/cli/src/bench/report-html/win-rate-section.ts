import type { BenchReport } from '../leaderboard/bench-report.js';
import type { WinRate } from '../leaderboard/win-rates.js';
import { escapeHtml, joinMarkup } from './html-escape.js';

function rateCell(rate: WinRate | undefined): string {
  if (rate == null || rate.rate == null) return '<td class="num">–</td>';
  // Green where the row's engine wins more often, red where it loses more often.
  const tone = rate.rate > 0.5 ? ' win' : rate.rate < 0.5 ? ' loss' : '';
  const percent = (rate.rate * 100).toFixed(0);
  return `<td class="num${tone}">${percent}% <span class="ci">n=${rate.comparisons}</span></td>`;
}

/** Rows beat columns this often; the diagonal is empty. */
function matrix(models: readonly string[], rates: readonly WinRate[]): string {
  const find = (model: string, opponent: string) =>
    rates.find((rate) => rate.model === model && rate.opponent === opponent);
  const header = models.map((model) => `<th>${escapeHtml(model)}</th>`).join('');
  const rows = models.map((model) => {
    const cells = models.map((opponent) =>
      model === opponent ? '<td class="diag"></td>' : rateCell(find(model, opponent)),
    );
    return `<tr><th class="model">${escapeHtml(model)}</th>${cells.join('')}</tr>`;
  });
  return joinMarkup([
    '<table class="matrix">',
    `<tr><th>row beats column</th>${header}</tr>`,
    ...rows,
    '</table>',
  ]);
}

/** The pairwise matrix over all prompts, then one per shot type. */
export function winRateSection(report: BenchReport): string {
  const models = report.settings.models;
  const byShot = Object.entries(report.winRates.byShot).map(([shot, rates]) =>
    joinMarkup([`<h3>${escapeHtml(shot)}</h3>`, matrix(models, rates)]),
  );
  return joinMarkup([
    '<section id="win-rates">',
    '<h2>Pairwise win rates</h2>',
    '<p class="note">How often the row’s engine had the higher stability index than the ' +
      'column’s on the same prompt and repeat (a tie counts half; prompts either engine failed ' +
      'are left out; n = prompts compared).</p>',
    matrix(models, report.winRates.overall),
    '<h3 class="sub">By shot type</h3>',
    '<div class="shots">',
    ...byShot,
    '</div>',
    '</section>',
  ]);
}
