import { performance } from 'node:perf_hooks';
import type { AnalysisSeries } from './analysis-pass.js';
import { AnalysisAccumulator } from './analysis-pass.js';
import { cameraJitter } from './camera-jitter.js';
import { summariseDrift } from './drift.js';
import { dynamicDegree, dynamicDegreeStep } from './dynamic-degree.js';
import { analysisSize, inspectVideo, streamFrames } from './frame-stream.js';
import { detectFreezes } from './freeze.js';
import { lumaFlicker } from './luma-flicker.js';
import { motionSmoothnessScore } from './motion-smoothness.js';
import type { NativePassResult } from './native-pass.js';
import { runNativePass } from './native-pass.js';
import { loadOpenCv } from './opencv-loader.js';
import { VideoQualityError } from './quality-error.js';
import { mean } from './raw-image.js';
import { detectSceneCuts } from './scene-cuts.js';
import type { ScoreResult } from './score-result.js';
import { stabilityIndex } from './stability-index.js';
import { flickerPairScore, staticGate, vbenchFlickerScore } from './vbench-flicker.js';
import { warpingErrorScore } from './warping-error.js';

export interface ScoreVideoOptions {
  ffmpegPath: string;
  ffprobePath: string;
  file: string;
  /** Budget for each decode pass (they run concurrently); ffmpeg is killed past it. */
  timeoutMs: number;
  /** Refuse frames larger than this many pixels before decoding (default 8K UHD). */
  maxPixels?: number;
}

type Size = { width: number; height: number };

async function runAnalysisPass(
  options: ScoreVideoOptions,
  size: Size,
  frameStep: number,
  signal: AbortSignal,
): Promise<AnalysisSeries> {
  const { cv } = await loadOpenCv();
  const accumulator = new AnalysisAccumulator(cv, frameStep);
  const frames = streamFrames({
    ffmpegPath: options.ffmpegPath,
    file: options.file,
    ...size,
    scale: true,
    pixelFormat: 'rgb24',
    timeoutMs: options.timeoutMs,
    signal,
  });
  for await (const frame of frames) accumulator.add(frame);
  return accumulator.finish();
}

/** Runs both passes at once (ffmpeg decodes one while JS analyses the other); one failing stops both. */
async function runPasses(
  options: ScoreVideoOptions,
  native: Size,
  flow: Size,
  frameStep: number,
): Promise<[NativePassResult, AnalysisSeries]> {
  const controller = new AbortController();
  const stopOthers = (error: unknown): never => {
    controller.abort();
    throw error;
  };
  return Promise.all([
    runNativePass({
      ffmpegPath: options.ffmpegPath,
      file: options.file,
      ...native,
      timeoutMs: options.timeoutMs,
      signal: controller.signal,
    }).catch(stopOthers),
    runAnalysisPass(options, flow, frameStep, controller.signal).catch(stopOthers),
  ]);
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
 * Scores a video's temporal stability: one native-resolution gray pass (flicker, luma, freezes)
 * and one 256-long-side RGB pass (flow metrics, drift, cuts), both streamed. The stability index
 * is always returned with the dynamic degree it must be read against.
 */
export async function scoreVideo(options: ScoreVideoOptions): Promise<ScoreResult> {
  const started = performance.now();
  const probe = await inspectVideo(options);
  const native = { width: probe.width, height: probe.height };
  const flow = analysisSize(probe.width, probe.height);
  // A stream without a usable rate (rare) is treated as 24 fps for the ≈8 fps subsampling only.
  const fps = probe.fps > 0 ? probe.fps : 24;
  const frameStep = dynamicDegreeStep(fps);
  const [nativePass, series] = await runPasses(options, native, flow, frameStep);
  if (nativePass.frames < 2 || series.frames < 2) {
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
