import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { AnalysisSeries, ChunkResult } from './analysis-pass.js';
import { mergeChunks } from './analysis-pass.js';
import type { ChunkRunner } from './analysis-pool.js';
import { chunkRunner } from './analysis-pool.js';
import { cameraJitter } from './camera-jitter.js';
import { summariseDrift } from './drift.js';
import { dynamicDegree, dynamicDegreeStep } from './dynamic-degree.js';
import { analysisSize, inspectVideo } from './frame-stream.js';
import { detectFreezes } from './freeze.js';
import { lumaFlicker } from './luma-flicker.js';
import { motionSmoothnessScore } from './motion-smoothness.js';
import type { NativePassResult } from './native-pass.js';
import { NativeAccumulator } from './native-pass.js';
import { VideoQualityError } from './quality-error.js';
import type { RawImage } from './raw-image.js';
import { mean } from './raw-image.js';
import { detectSceneCuts } from './scene-cuts.js';
import type { ScoreResult } from './score-result.js';
import { streamScoringFrames } from './scoring-decode.js';
import { stabilityIndex } from './stability-index.js';
import { flickerPairScore, staticGate, vbenchFlickerScore } from './vbench-flicker.js';
import { warpingErrorScore } from './warping-error.js';

export interface ScoreVideoOptions {
  ffmpegPath: string;
  ffprobePath: string;
  file: string;
  /** Budget for the decode; ffmpeg is killed past it. */
  timeoutMs: number;
  /** Refuse frames larger than this many pixels before decoding (default 8K UHD). */
  maxPixels?: number;
  /**
   * Threads for the flow analysis (default `os.availableParallelism()`): frames are cut into
   * chunks analysed in parallel, each thread with its own opencv-js. 1 = this thread only.
   */
  threads?: number;
}

type Size = { width: number; height: number };

/** Frames per chunk: a multiple of 2·frameStep (so no triple or ≈8 fps pair straddles two), ≈12. */
export function chunkLength(frameStep: number): number {
  return 2 * frameStep * Math.max(1, Math.round(12 / (2 * frameStep)));
}

/**
 * Sends chunks to the runner in clip order, keeping at most two per thread in flight so memory
 * stays flat; the first failure is kept and rethrown once the decode has stopped.
 */
class ChunkDispatcher {
  readonly results: Promise<ChunkResult>[] = [];
  private readonly unsettled = new Set<Promise<unknown>>();
  failure: unknown = null;

  constructor(
    private readonly runner: ChunkRunner,
    private readonly controller: AbortController,
  ) {}

  async submit(
    start: number,
    frames: RawImage[],
    first: RawImage,
    frameStep: number,
    final: boolean,
  ) {
    const result = this.runner.run({ start, frames, first, frameStep, final });
    this.results.push(result);
    const settled: Promise<unknown> = result.then(
      (): void => {
        this.unsettled.delete(settled);
      },
      (error: unknown): void => {
        this.unsettled.delete(settled);
        this.failure ??= error;
        this.controller.abort();
      },
    );
    this.unsettled.add(settled);
    while (this.unsettled.size >= 2 * this.runner.threads) await Promise.race(this.unsettled);
  }
}

/** One decode feeding both measurements: native grids here, analysis-size RGB to the chunks. */
async function runPasses(
  options: ScoreVideoOptions,
  sizes: { native: Size; analysis: Size },
  frameStep: number,
): Promise<[NativePassResult, AnalysisSeries]> {
  const controller = new AbortController();
  const dispatcher = new ChunkDispatcher(
    chunkRunner(options.threads ?? availableParallelism()),
    controller,
  );
  const native = new NativeAccumulator();
  const length = chunkLength(frameStep);
  let chunk: RawImage[] = [];
  let first: RawImage | null = null;
  let start = 0;
  try {
    const frames = streamScoringFrames({ ...options, ...sizes, signal: controller.signal }, native);
    for await (const frame of frames) {
      first ??= frame;
      chunk.push(frame);
      if (chunk.length <= length) continue;
      await dispatcher.submit(start, chunk, first, frameStep, false);
      start += length;
      chunk = [frame];
    }
    if (first != null) await dispatcher.submit(start, chunk, first, frameStep, true);
  } catch (error) {
    throw dispatcher.failure ?? error;
  }
  const results = await Promise.all(dispatcher.results);
  const nativeResult = native.result;
  return [nativeResult, mergeChunks(results, nativeResult.frames)];
}

function nullIfEmpty(values: readonly number[], value: number): number | null {
  return values.length === 0 ? null : value;
}

function buildMetrics(native: NativePassResult, series: AnalysisSeries, flow: Size) {
  const jitter = cameraJitter(series.globalMotions);
  const luma = lumaFlicker(native.meanLumas);
  return {
    jitter,
    luma,
    metrics: {
      vbenchFlicker: {
        value: vbenchFlickerScore(native.pairDifferences),
        staticGate: staticGate({
          pairTopMagnitudes: series.pairTopMotions,
          firstLastTopMagnitudes: series.firstLastTopMotions,
          frameCount: series.frames,
          ...flow,
        }),
      },
      warpingError: warpingErrorScore(series.warpErrors),
      motionSmoothness: nullIfEmpty(
        series.smoothnessErrors,
        motionSmoothnessScore(series.smoothnessErrors),
      ),
      cameraJitter: nullIfEmpty(jitter.perPair, jitter.value),
      lumaFlicker: nullIfEmpty(luma.perFrame, luma.value),
      consecutiveSsim: mean(series.consecutiveSsim),
      freeze: detectFreezes(native.pairDifferences),
      sceneCuts: detectSceneCuts(series.pairHistogramDistances),
      drift: summariseDrift(series),
    },
  };
}

/**
 * Scores a video's temporal stability from one streamed decode: native-resolution gray reduced
 * by ffmpeg to per-frame means (flicker, luma, freezes) and analysis-size RGB (flow metrics, drift,
 * cuts; chunks on worker threads). The stability index is always returned with the dynamic degree it must be read against.
 */
export async function scoreVideo(options: ScoreVideoOptions): Promise<ScoreResult> {
  const started = performance.now();
  const probe = await inspectVideo(options);
  const native = { width: probe.width, height: probe.height };
  const flow = analysisSize(probe.width, probe.height);
  // A stream without a usable rate (rare) is treated as 24 fps for the ≈8 fps subsampling only.
  const fps = probe.fps > 0 ? probe.fps : 24;
  const frameStep = dynamicDegreeStep(fps);
  const [nativePass, series] = await runPasses(options, { native, analysis: flow }, frameStep);
  if (nativePass.frames < 2) {
    throw new VideoQualityError(
      'too_few_frames',
      `${options.file} decoded to ${nativePass.frames} frame(s); temporal metrics need at least 2`,
    );
  }
  const { metrics, jitter, luma } = buildMetrics(nativePass, series, flow);
  const degree = dynamicDegree({ pairTopMotions: series.dynamicTopMotions, ...flow, frameStep });
  const { index, dynamicDegree: reported } = stabilityIndex(
    {
      warpingError: metrics.warpingError,
      lumaFlicker: metrics.lumaFlicker,
      cameraJitter: metrics.cameraJitter,
      motionSmoothness: metrics.motionSmoothness,
      frozenFraction: metrics.freeze.frozenFraction,
    },
    degree,
  );
  return {
    version: 1,
    metrics,
    dynamicDegree: reported,
    index,
    perFrame: {
      flicker: nativePass.pairDifferences.map(flickerPairScore),
      warpingError: series.warpErrors,
      meanLuma: nativePass.meanLumas,
      lumaFlicker: luma.perFrame,
      cameraJitter: jitter.perPair,
      consecutiveSsim: series.consecutiveSsim,
      ssimToFirst: series.ssimToFirst,
      histogramDistanceToFirst: series.histogramDistanceToFirst,
      motionSmoothness: series.smoothnessErrors.map((error) => (255 - error) / 255),
      dynamicTopMotion: series.dynamicTopMotions,
    },
    analysis: {
      sizes: { native, flow },
      frames: nativePass.frames,
      fps,
      durationSeconds: probe.durationSeconds,
      elapsedSeconds: (performance.now() - started) / 1000,
      flowEstimator: 'farneback',
    },
  };
}
