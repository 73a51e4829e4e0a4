import type { GlobalMotion } from './camera-jitter.js';
import { globalMotion } from './camera-jitter.js';
import { bhattacharyyaDistance, colourHistogram } from './colour-histogram.js';
import { topMotion } from './dynamic-degree.js';
import { motionSmoothnessPair } from './motion-smoothness.js';
import type { OpenCv } from './opencv-loader.js';
import type { FlowField } from './optical-flow.js';
import { composeFlows, computeFlow, flowMagnitudes } from './optical-flow.js';
import type { RawImage } from './raw-image.js';
import { toGray, topFractionMean } from './raw-image.js';
import { structuralSimilarity } from './ssim.js';
import { warpingErrorPair } from './warping-error.js';

/** Everything the analysis-size pass measures: per-pair or per-frame series of plain numbers. */
export interface AnalysisSeries {
  frames: number;
  warpErrors: number[];
  /** Top-2 % flow magnitude per consecutive pair (VBench's static gate). */
  pairTopMotions: number[];
  firstLastTopMotions: [number, number];
  globalMotions: GlobalMotion[];
  consecutiveSsim: number[];
  pairHistogramDistances: number[];
  ssimToFirst: number[];
  histogramDistanceToFirst: number[];
  smoothnessErrors: number[];
  /** Top-5 % flow magnitude per ≈8 fps subsampled pair (dynamic degree). */
  dynamicTopMotions: number[];
}

/**
 * Consecutive analysis-size RGB frames `start … start + frames.length − 1`. A chunk owns the pairs
 * (t, t+1) for t from `start` to its second-to-last frame, and the frames before its last one;
 * the next chunk starts at this one's last frame. Chunk lengths are multiples of 2·frameStep and
 * start at 0, so every smoothness triple (2k, 2k+1, 2k+2) and every ≈8 fps pair (t, t+step) lies
 * inside one chunk, and chunks can be analysed in any order, on any thread.
 */
export interface AnalysisChunk {
  start: number;
  frames: RawImage[];
  /** Frame 0, for the drift series. */
  first: RawImage;
  frameStep: number;
  /** The clip's last chunk also owns its last frame and measures first↔last flow. */
  final: boolean;
}

export type ChunkResult = Omit<AnalysisSeries, 'frames' | 'firstLastTopMotions'> & {
  firstLastTopMotions: [number, number] | null;
};

interface Prepared {
  rgb: RawImage[];
  gray: RawImage[];
  histograms: Float64Array[];
}

function emptyResult(): ChunkResult {
  return {
    warpErrors: [],
    pairTopMotions: [],
    globalMotions: [],
    consecutiveSsim: [],
    pairHistogramDistances: [],
    ssimToFirst: [],
    histogramDistanceToFirst: [],
    smoothnessErrors: [],
    dynamicTopMotions: [],
    firstLastTopMotions: null,
  };
}

/** Flows t→t+1 of every owned pair; the backward flows are used once and dropped. */
function measurePairs(cv: OpenCv, frames: Prepared, result: ChunkResult): FlowField[] {
  const forwards: FlowField[] = [];
  for (let pair = 0; pair + 1 < frames.gray.length; pair += 1) {
    const [current, next] = [frames.gray[pair] as RawImage, frames.gray[pair + 1] as RawImage];
    const forward = computeFlow(cv, current, next);
    const backward = computeFlow(cv, next, current);
    const [currentRgb, nextRgb] = [frames.rgb[pair] as RawImage, frames.rgb[pair + 1] as RawImage];
    result.warpErrors.push(warpingErrorPair(cv, currentRgb, nextRgb, forward, backward));
    result.pairTopMotions.push(topFractionMean(flowMagnitudes(forward), 0.02));
    result.globalMotions.push(globalMotion(forward));
    result.consecutiveSsim.push(structuralSimilarity(current, next));
    const histograms = [frames.histograms[pair], frames.histograms[pair + 1]] as Float64Array[];
    result.pairHistogramDistances.push(bhattacharyyaDistance(histograms[0]!, histograms[1]!));
    forwards.push(forward);
  }
  return forwards;
}

/** Flow from local frame `from` to `from + span`, chained from the consecutive forward flows. */
function chainedFlow(cv: OpenCv, forwards: FlowField[], from: number, span: number): FlowField {
  let flow = forwards[from] as FlowField;
  for (let step = 1; step < span; step += 1) {
    flow = composeFlows(cv, flow, forwards[from + step] as FlowField);
  }
  return flow;
}

/**
 * Motion smoothness triples and dynamic-degree pairs. Their longer-range flows (2 and `frameStep`
 * frames apart) are chained from the consecutive flows already computed rather than estimated
 * again: two `remap`s instead of a Farneback call each (see docs/quality.md, Cost).
 */
function measureSpans(
  cv: OpenCv,
  chunk: AnalysisChunk,
  forwards: FlowField[],
  result: ChunkResult,
): void {
  const last = chunk.frames.length - 1;
  for (let local = 0; local <= last; local += 1) {
    const index = chunk.start + local;
    if (index % 2 === 0 && local + 2 <= last) {
      const [before, middle, after] = chunk.frames.slice(local, local + 3) as RawImage[];
      const flow = chainedFlow(cv, forwards, local, 2);
      result.smoothnessErrors.push(motionSmoothnessPair(cv, before!, middle!, after!, flow));
    }
    if (index % chunk.frameStep === 0 && local + chunk.frameStep <= last) {
      result.dynamicTopMotions.push(topMotion(chainedFlow(cv, forwards, local, chunk.frameStep)));
    }
  }
}

function measureDrift(
  cv: OpenCv,
  chunk: AnalysisChunk,
  frames: Prepared,
  result: ChunkResult,
): void {
  const firstGray = toGray(chunk.first);
  const firstHistogram = colourHistogram(chunk.first);
  const owned = chunk.final ? frames.gray.length : frames.gray.length - 1;
  for (let local = 0; local < owned; local += 1) {
    result.ssimToFirst.push(structuralSimilarity(firstGray, frames.gray[local] as RawImage));
    result.histogramDistanceToFirst.push(
      bhattacharyyaDistance(firstHistogram, frames.histograms[local] as Float64Array),
    );
  }
  const lastIndex = chunk.start + frames.gray.length - 1;
  if (chunk.final && lastIndex > 0) {
    const lastGray = frames.gray[frames.gray.length - 1] as RawImage;
    result.firstLastTopMotions = [
      topFractionMean(flowMagnitudes(computeFlow(cv, firstGray, lastGray)), 0.02),
      topFractionMean(flowMagnitudes(computeFlow(cv, lastGray, firstGray)), 0.02),
    ];
  }
}

/** Measures one chunk: pure apart from opencv's wasm heap, so it runs the same on any thread. */
export function analyseChunk(cv: OpenCv, chunk: AnalysisChunk): ChunkResult {
  const frames: Prepared = {
    rgb: chunk.frames,
    gray: chunk.frames.map(toGray),
    histograms: chunk.frames.map((frame) => colourHistogram(frame)),
  };
  const result = emptyResult();
  const forwards = measurePairs(cv, frames, result);
  measureSpans(cv, chunk, forwards, result);
  measureDrift(cv, chunk, frames, result);
  return result;
}

/** Joins chunk results, in clip order, into the series of the whole clip. */
export function mergeChunks(results: readonly ChunkResult[], frames: number): AnalysisSeries {
  const series: AnalysisSeries = { ...emptyResult(), frames, firstLastTopMotions: [0, 0] };
  for (const result of results) {
    for (const key of Object.keys(result) as (keyof ChunkResult)[]) {
      if (key === 'firstLastTopMotions') continue;
      (series[key] as unknown[]).push(...(result[key] as unknown[]));
    }
    if (result.firstLastTopMotions != null) series.firstLastTopMotions = result.firstLastTopMotions;
  }
  return series;
}
