/**
 * Scene cuts: a new shot starts at frame t+1 when the colour-histogram (8³ RGB, Bhattacharyya)
 * distance between frames t and t+1 exceeds `threshold` (default 0.5) AND is at least `ratio`
 * (default 3) times the median pair distance, so that a clip whose colours change quickly all
 * the time (fast pan over varied content) does not read as a string of cuts. Analysis size: 160 on
 * the long side. Generated clips are meant to be one shot, so a cut is usually a defect (a
 * "jump"); the pair across a cut also dominates warp error and flicker, which is why callers
 * should read those with the cut list. Blind spots: cuts between shots with similar colour
 * distributions; gradual transitions (dissolves, fades) are not reported.
 */
export function detectSceneCuts(
  pairHistogramDistances: readonly number[],
  options: { threshold?: number; ratio?: number } = {},
): number[] {
  const threshold = options.threshold ?? 0.5;
  const ratio = options.ratio ?? 3;
  const sorted = [...pairHistogramDistances].sort((left, right) => left - right);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const cuts: number[] = [];
  pairHistogramDistances.forEach((distance, pair) => {
    if (distance > threshold && distance >= ratio * median) cuts.push(pair + 1);
  });
  return cuts;
}
