import { renderTable } from '../output/render-table.js';
import type { BenchReport } from './leaderboard/bench-report.js';

function figure(value: number | null | undefined, digits: number): string {
  return value == null ? '-' : value.toFixed(digits);
}

/** The terminal's view of the leaderboard; report.html has the rest. */
export function renderBenchSummary(report: BenchReport): string {
  const rows = report.leaderboard.map((row) => {
    const index = row.stabilityIndex;
    const interval =
      index != null && index.samples > 1 ? `${figure(index.low, 1)}-${figure(index.high, 1)}` : '-';
    const moving = row.dynamicDegree.movingPairFraction?.mean;
    const cost = row.costPerSecondMicroUsd;
    return [
      row.model,
      figure(index?.mean, 1),
      interval,
      moving == null ? '-' : `${(moving * 100).toFixed(0)}%`,
      cost == null ? '-' : `$${(cost / 1_000_000).toFixed(3)}`,
      figure(row.medianRenderSeconds, 0),
      `${row.completed}/${row.runs}`,
      String(row.failures),
    ];
  });
  return renderTable(
    ['model', 'stability', '95% ci', 'moving', 'usd/s', 'render s', 'done', 'failed'],
    rows,
  );
}
