import type { RandomSource } from '@vgw/gateway';

export interface MeanInterval {
  mean: number;
  /** Percentile-bootstrap bounds of the mean; equal to it when there is one sample. */
  low: number;
  high: number;
  samples: number;
}

export interface BootstrapOptions {
  random: RandomSource;
  resamples?: number;
  /** 0.95 for a 95 % interval. */
  confidence?: number;
}

function meanOf(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** The value at fraction `quantile` of sorted values, interpolating linearly between ranks. */
export function quantileOfSorted(sorted: readonly number[], quantile: number): number {
  const position = (sorted.length - 1) * quantile;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const lower = sorted[below] as number;
  return lower + ((sorted[above] as number) - lower) * (position - below);
}

/**
 * Percentile bootstrap of the mean (Efron): resample with replacement, take the mean of each
 * resample, and read the interval off the sorted means. Null when there is nothing to average.
 */
export function bootstrapMeanInterval(
  values: readonly number[],
  options: BootstrapOptions,
): MeanInterval | null {
  if (values.length === 0) return null;
  const mean = meanOf(values);
  if (values.length === 1) return { mean, low: mean, high: mean, samples: 1 };
  const resamples = options.resamples ?? 2000;
  const tail = (1 - (options.confidence ?? 0.95)) / 2;
  const means: number[] = [];
  for (let round = 0; round < resamples; round += 1) {
    let sum = 0;
    for (let draw = 0; draw < values.length; draw += 1) {
      sum += values[Math.floor(options.random() * values.length)] as number;
    }
    means.push(sum / values.length);
  }
  means.sort((left, right) => left - right);
  return {
    mean,
    low: quantileOfSorted(means, tail),
    high: quantileOfSorted(means, 1 - tail),
    samples: values.length,
  };
}
