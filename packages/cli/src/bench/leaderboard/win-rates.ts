import { z } from 'zod';
import type { BenchRun } from './bench-run.js';

export const winRateSchema = z.object({
  model: z.string(),
  opponent: z.string(),
  wins: z.number().int().min(0),
  ties: z.number().int().min(0),
  /** Prompt × repeat cells that both engines completed and scored. */
  comparisons: z.number().int().min(0),
  /** (wins + ties / 2) / comparisons; null when there was nothing to compare. */
  rate: z.number().min(0).max(1).nullable(),
});

export type WinRate = z.infer<typeof winRateSchema>;

function cellKey(run: BenchRun): string {
  return `${run.promptId}\u0000${run.repeat}`;
}

/** Stability index per prompt × repeat cell, of the runs that completed and were scored. */
function indexByCell(runs: readonly BenchRun[], model: string): Map<string, number> {
  const cells = new Map<string, number>();
  for (const run of runs) {
    if (run.model !== model || run.status !== 'completed' || run.score == null) continue;
    cells.set(cellKey(run), run.score.index.value);
  }
  return cells;
}

function compare(
  model: string,
  opponent: string,
  mine: Map<string, number>,
  theirs: Map<string, number>,
): WinRate {
  let wins = 0;
  let ties = 0;
  let comparisons = 0;
  for (const [cell, value] of mine) {
    const other = theirs.get(cell);
    if (other == null) continue;
    comparisons += 1;
    if (value > other) wins += 1;
    else if (value === other) ties += 1;
  }
  const rate = comparisons > 0 ? (wins + ties / 2) / comparisons : null;
  return { model, opponent, wins, ties, comparisons, rate };
}

/**
 * For every ordered pair of engines, how often the first had the higher stability index on the
 * same prompt and repeat; a tie counts half. Cells either engine failed are left out.
 */
export function pairwiseWinRates(models: readonly string[], runs: readonly BenchRun[]): WinRate[] {
  const cells = new Map(models.map((model) => [model, indexByCell(runs, model)]));
  const rates: WinRate[] = [];
  for (const model of models) {
    for (const opponent of models) {
      if (model === opponent) continue;
      rates.push(
        compare(model, opponent, cells.get(model) ?? new Map(), cells.get(opponent) ?? new Map()),
      );
    }
  }
  return rates;
}

/** The same win rates within each shot type, in the order the shots first appear. */
export function winRatesByShot(
  models: readonly string[],
  runs: readonly BenchRun[],
): Record<string, WinRate[]> {
  const shots = [...new Set(runs.map((run) => run.shot))];
  return Object.fromEntries(
    shots.map((shot) => [
      shot,
      pairwiseWinRates(
        models,
        runs.filter((run) => run.shot === shot),
      ),
    ]),
  );
}
