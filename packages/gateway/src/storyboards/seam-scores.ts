import type { SeamScore } from '../db/storyboard-record.js';
import { bhattacharyyaDistance, colourHistogram } from '../quality/colour-histogram.js';
import { analysisSize } from '../quality/frame-stream.js';
import { meanAbsoluteDifference, meanSample, toGray } from '../quality/raw-image.js';
import { structuralSimilarity } from '../quality/ssim.js';
import { flickerPairScore } from '../quality/vbench-flicker.js';
import { decodeShotFrame } from './shot-frames.js';

export interface SeamShot {
  path: string;
}

// The scene-cut rule's distance threshold (quality/scene-cuts.ts): above it, colours jumped.
const cutDistance = 0.5;

async function frames(
  ffmpegPath: string,
  path: string,
  which: 'first' | 'last',
  sizes: { native: { width: number; height: number }; analysis: { width: number; height: number } },
) {
  const [native, analysis] = await Promise.all([
    decodeShotFrame(ffmpegPath, path, { which, ...sizes.native }),
    decodeShotFrame(ffmpegPath, path, { which, ...sizes.analysis }),
  ]);
  return { native, analysis };
}

/**
 * The temporal score of every cut, with the shots' own metrics at the sizes the scorer reads
 * them: flicker and luma at the stitched (first shot's) size, SSIM and colour histograms at the
 * analysis size. Each seam pairs shot i's last frame with shot i+1's first, both scaled to the
 * stitched size as the stitch itself does.
 */
export async function seamScores(
  ffmpegPath: string,
  shots: readonly SeamShot[],
  size: { width: number; height: number },
): Promise<SeamScore[]> {
  const sizes = { native: size, analysis: analysisSize(size.width, size.height) };
  const seams: SeamScore[] = [];
  for (let index = 0; index + 1 < shots.length; index += 1) {
    const [before, after] = await Promise.all([
      frames(ffmpegPath, (shots[index] as SeamShot).path, 'last', sizes),
      frames(ffmpegPath, (shots[index + 1] as SeamShot).path, 'first', sizes),
    ]);
    const grayBefore = toGray(before.native);
    const grayAfter = toGray(after.native);
    const histogramDistance = bhattacharyyaDistance(
      colourHistogram(before.analysis),
      colourHistogram(after.analysis),
    );
    seams.push({
      between: [index, index + 1],
      ssim: structuralSimilarity(toGray(before.analysis), toGray(after.analysis)),
      flicker: flickerPairScore(meanAbsoluteDifference(grayBefore.data, grayAfter.data)),
      histogramDistance,
      lumaStep: Math.abs(meanSample(grayAfter) - meanSample(grayBefore)),
      cut: histogramDistance > cutDistance,
    });
  }
  return seams;
}
