import type { MeanInterval } from '../leaderboard/bootstrap-interval.js';
import { escapeHtml } from './html-escape.js';

export function formatNumber(value: number, digits: number): string {
  return value.toFixed(digits);
}

/** Digits that keep small metrics (warping error ≈ 1e-3) readable next to the index (0–100). */
export function digitsFor(value: number): number {
  const size = Math.abs(value);
  if (size >= 10) return 1;
  if (size >= 0.1) return 3;
  return 5;
}

/** `85.0` over a smaller `[80.0–90.0]`; a dash when nothing was scored. */
export function intervalCell(interval: MeanInterval | null, digits?: number): string {
  if (interval == null) return '<td class="num">–</td>';
  const places = digits ?? digitsFor(interval.mean);
  const bounds =
    interval.samples > 1
      ? `<span class="ci">[${formatNumber(interval.low, places)}–${formatNumber(interval.high, places)}]</span>`
      : '<span class="ci">n=1</span>';
  return `<td class="num">${formatNumber(interval.mean, places)} ${bounds}</td>`;
}

/** Micro-USD per second as dollars, e.g. `$0.120`. */
export function usdPerSecond(microUsd: number | null): string {
  return microUsd == null ? '–' : `$${(microUsd / 1_000_000).toFixed(3)}`;
}

export function percent(fraction: number | null): string {
  return fraction == null ? '–' : `${(fraction * 100).toFixed(0)}%`;
}

export function textCell(text: string, className?: string): string {
  const attribute = className != null ? ` class="${className}"` : '';
  return `<td${attribute}>${escapeHtml(text)}</td>`;
}
