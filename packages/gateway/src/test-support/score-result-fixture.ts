import type { ScoreResult } from '../quality/score-result.js';

/** A schema-valid ScoreResult for tests where the scorer is faked; `index` tells fakes apart. */
export function scoreResultFixture(index: number): ScoreResult {
  const weights = {
    warpingError: 0.35,
    lumaFlicker: 0.2,
    cameraJitter: 0.2,
    motionSmoothness: 0.15,
    freeze: 0.1,
  };
  return {
    version: 1,
    metrics: {
      vbenchFlicker: {
        value: 0.97,
        staticGate: {
          isStatic: false,
          threshold: 0.1,
          movingPairs: 20,
          allowedMovingPairs: 1,
          flowEstimator: 'farneback',
        },
      },
      warpingError: 12.5,
      motionSmoothness: 0.99,
      cameraJitter: 0.4,
      lumaFlicker: 0.3,
      consecutiveSsim: 0.93,
      freeze: { runs: [{ start: 4, frames: 2 }], frozenFraction: 0.05, longestRun: 2 },
      sceneCuts: [12],
      drift: {
        approximate: true,
        endSsim: 0.8,
        endHistogramDistance: 0.1,
        maxHistogramDistance: 0.2,
      },
    },
    dynamicDegree: {
      dynamic: true,
      movingPairFraction: 0.75,
      meanTopMotion: 3.5,
      threshold: 2,
      requiredMovingPairs: 3,
      frameStep: 3,
      flowEstimator: 'farneback',
    },
    index: {
      value: index,
      components: {
        warpingError: 80,
        lumaFlicker: 90,
        cameraJitter: 85,
        motionSmoothness: 99,
        freeze: 95,
      },
      weights,
    },
    perFrame: {
      flicker: [0.97, 0.98],
      warpingError: [12, 13],
      meanLuma: [100, 101, 102],
      lumaFlicker: [0.3],
      cameraJitter: [0.4],
      consecutiveSsim: [0.93, 0.94],
      ssimToFirst: [1, 0.9, 0.8],
      histogramDistanceToFirst: [0, 0.05, 0.1],
      motionSmoothness: [0.99],
      dynamicTopMotion: [3, 4],
    },
    analysis: {
      sizes: { native: { width: 1280, height: 720 }, flow: { width: 256, height: 144 } },
      frames: 3,
      fps: 24,
      durationSeconds: 0.125,
      elapsedSeconds: 0.5,
      flowEstimator: 'farneback',
    },
  };
}
