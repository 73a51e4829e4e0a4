import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import type { CheckOutcome, PolicyFinding } from '../policy-types.js';
import {
  decodeScreeningImage,
  type ScreeningImage,
  type ScreeningImageLimits,
} from './decode-screening-image.js';
import {
  erroredOutcome,
  stageOf,
  type ImageCheck,
  type ImageScreenContext,
} from './image-check.js';
import {
  loadNsfwClassifier,
  nsfwInputSide,
  type NsfwBackend,
  type NsfwScores,
} from './nsfw-model.js';

/** A class refuses when its probability reaches its threshold. */
export interface NsfwThresholds {
  porn: number;
  hentai: number;
  sexy: number;
}

/**
 * Tuned on ordinary images (solid colours, gradients, noise, ffmpeg test patterns, the local
 * engine's scenes), whose highest scores were about 0.3 (see nsfw-check.test.ts): `sexy` is set
 * higher because it fires on swimwear and skin, which a video brief may legitimately show.
 */
export const defaultNsfwThresholds: NsfwThresholds = { porn: 0.7, hentai: 0.7, sexy: 0.9 };

export interface NsfwCheckOptions {
  thresholds?: Partial<NsfwThresholds>;
  backend?: NsfwBackend;
  limits?: ScreeningImageLimits;
  /** Monotonic milliseconds, for `latencyMs`. */
  elapsed?: () => number;
}

export interface NsfwCheck extends ImageCheck {
  /** Loads the model now (about a second) so the first request does not wait for it. */
  warmUp(): Promise<void>;
}

function checkThresholds(thresholds: NsfwThresholds): void {
  for (const [name, value] of Object.entries(thresholds)) {
    if (!(value > 0 && value <= 1)) {
      throw new Error(`NSFW threshold ${name} must be in (0, 1], not ${value}`);
    }
  }
}

function findingsFor(scores: NsfwScores, thresholds: NsfwThresholds): PolicyFinding[] {
  return (Object.keys(thresholds) as (keyof NsfwThresholds)[])
    .filter((name) => scores[name] >= thresholds[name])
    .map((name) => ({
      ruleId: `image-nsfw.${name}`,
      category: 'sexual' as const,
      effect: 'block' as const,
      score: scores[name],
    }));
}

async function modelInput(image: ScreeningImage): Promise<Buffer> {
  const raw = { width: image.pixelWidth, height: image.pixelHeight, channels: 3 as const };
  return sharp(image.pixels, { raw })
    .resize(nsfwInputSide, nsfwInputSide, { fit: 'fill' })
    .raw()
    .toBuffer();
}

/**
 * Scores an image with nsfwjs's MobileNetV2 (weights inside the npm package) and refuses
 * pornographic, hentai or strongly suggestive images as `sexual`. The classifier cannot tell a
 * minor's age: minors are the text rules' and a remote check's to catch.
 */
export function createNsfwCheck(options: NsfwCheckOptions = {}): NsfwCheck {
  const thresholds = { ...defaultNsfwThresholds, ...options.thresholds };
  checkThresholds(thresholds);
  const backend = options.backend ?? 'wasm';
  const elapsed = options.elapsed ?? (() => performance.now());
  const check = {
    id: 'image.nsfw',
    version: `1+nsfwjs-4.4.0-mobilenet_v2-p${thresholds.porn}-h${thresholds.hentai}-s${thresholds.sexy}`,
  };
  const screen = async (bytes: Uint8Array, context: ImageScreenContext): Promise<CheckOutcome> => {
    const startedAt = elapsed();
    try {
      const [image, classifier] = await Promise.all([
        decodeScreeningImage(bytes, options.limits),
        loadNsfwClassifier(backend),
      ]);
      const scores = await classifier.classify(await modelInput(image));
      return {
        checkId: check.id,
        checkVersion: check.version,
        stage: stageOf(context.param),
        param: context.param,
        findings: findingsFor(scores, thresholds),
        scores: { ...scores },
        latencyMs: elapsed() - startedAt,
      };
    } catch (error) {
      return erroredOutcome(check, context.param, error, elapsed() - startedAt);
    }
  };
  const warmUp = async () => {
    await loadNsfwClassifier(backend);
  };
  return { ...check, screen, warmUp };
}
