import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { NSFWJS } from 'nsfwjs/core';
import { MobileNetV2Model } from 'nsfwjs/models/mobilenet_v2';
import { foldBatchNorms } from './fold-batch-norm.js';

/**
 * `wasm` (SIMD, one thread) ran MobileNetV2 in ~90 ms an image where the pure-JS `cpu` backend
 * took ~1.5 s on the same machine; `cpu` stays as the fallback a deployment can name. With its
 * batch norms folded (fold-batch-norm.ts) wasm takes ~30-45 ms. Its threaded build is refused
 * in Node by tfjs 4.22 (WASM_HAS_MULTITHREAD_SUPPORT is false there; forcing it fails to start).
 */
export type NsfwBackend = 'wasm' | 'cpu';

export interface NsfwScores {
  drawing: number;
  hentai: number;
  neutral: number;
  porn: number;
  sexy: number;
}

export interface NsfwClassifier {
  backend: NsfwBackend;
  /** `pixels`: raw RGB, `nsfwInputSide` pixels square. */
  classify(pixels: Uint8Array): Promise<NsfwScores>;
}

/** MobileNetV2's input: the image is squashed (not cropped) to this square. */
export const nsfwInputSide = 224;

const classNames: Record<string, keyof NsfwScores> = {
  Drawing: 'drawing',
  Hentai: 'hentai',
  Neutral: 'neutral',
  Porn: 'porn',
  Sexy: 'sexy',
};

// The backend's .wasm files ship in its npm package; a directory path makes it read them with
// fs, never fetch.
function useLocalWasmFiles(): void {
  const require = createRequire(import.meta.url);
  setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}/`);
}

/** The model JSON and base64 weights are modules inside nsfwjs: nothing is downloaded. */
export async function bundledModelArtifacts(): Promise<tf.io.ModelArtifacts> {
  const { default: modelJson } = await MobileNetV2Model.modelJson();
  const weightBundle = MobileNetV2Model.weightBundles[0];
  if (weightBundle == null || MobileNetV2Model.weightBundles.length !== 1) {
    throw new Error('nsfwjs MobileNetV2 is expected to ship one weight bundle');
  }
  const weights = Buffer.from((await weightBundle()).default, 'base64');
  return {
    modelTopology: modelJson.modelTopology,
    weightSpecs: (modelJson.weightsManifest ?? []).flatMap((group) => group.weights),
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
  };
}

async function foldedModel(): Promise<tf.io.IOHandler> {
  const { artifacts } = await foldBatchNorms(await bundledModelArtifacts());
  return { load: () => Promise.resolve(artifacts) };
}

async function load(backend: NsfwBackend): Promise<NsfwClassifier> {
  // Prod mode drops per-op debug checks and the "install tfjs-node" console warning.
  tf.enableProdMode();
  if (backend === 'wasm') useLocalWasmFiles();
  if (!(await tf.setBackend(backend))) {
    throw new Error(`TensorFlow.js backend ${backend} failed to start`);
  }
  await tf.ready();
  const model = new NSFWJS(await foldedModel(), { size: nsfwInputSide });
  await model.load();
  const classify = async (pixels: Uint8Array): Promise<NsfwScores> => {
    const input = tf.tensor3d(pixels, [nsfwInputSide, nsfwInputSide, 3], 'int32');
    try {
      const predictions = await model.classify(input, 5);
      const scores: NsfwScores = { drawing: 0, hentai: 0, neutral: 0, porn: 0, sexy: 0 };
      for (const { className, probability } of predictions) {
        const name = classNames[className];
        if (name != null) scores[name] = probability;
      }
      return scores;
    } finally {
      input.dispose();
    }
  };
  return { backend, classify };
}

let shared: { backend: NsfwBackend; classifier: Promise<NsfwClassifier> } | null = null;

/**
 * The one classifier of this process, loaded on first use (~1 s) and shared: TensorFlow.js holds
 * one global backend, so a second backend is refused rather than silently swapped in. A failed
 * load is forgotten so the next screen tries again.
 */
export function loadNsfwClassifier(backend: NsfwBackend = 'wasm'): Promise<NsfwClassifier> {
  if (shared != null) {
    if (shared.backend !== backend) {
      return Promise.reject(
        new Error(`the NSFW classifier already runs on ${shared.backend}, not ${backend}`),
      );
    }
    return shared.classifier;
  }
  const classifier = load(backend);
  shared = { backend, classifier };
  classifier.catch(() => {
    if (shared?.classifier === classifier) shared = null;
  });
  return classifier;
}
