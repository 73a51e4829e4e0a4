import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { foldBatchNorms, type FoldedModel } from './fold-batch-norm.js';
import { bundledModelArtifacts, loadNsfwClassifier, nsfwInputSide } from './nsfw-model.js';
import { seededBytes } from './test-images.js';

const handler = (artifacts: tf.io.ModelArtifacts): tf.io.IOHandler => ({
  load: () => Promise.resolve(artifacts),
});

function layerClasses(artifacts: tf.io.ModelArtifacts): string[] {
  const topology = artifacts.modelTopology as {
    model_config: { config: { layers: { class_name: string }[] } };
  };
  return topology.model_config.config.layers.map((layer) => layer.class_name);
}

let original: tf.io.ModelArtifacts;
let folded: FoldedModel;

beforeAll(async () => {
  await loadNsfwClassifier('wasm');
  original = await bundledModelArtifacts();
  folded = await foldBatchNorms(original);
});

describe('foldBatchNorms', () => {
  it('folds every one of MobileNetV2s 52 normalisations into its convolution', () => {
    expect(layerClasses(original).filter((name) => name === 'BatchNormalization')).toHaveLength(52);
    expect(folded.folded).toBe(52);
    expect(layerClasses(folded.artifacts)).not.toContain('BatchNormalization');
    expect(layerClasses(folded.artifacts)).toHaveLength(layerClasses(original).length - 52);
  });

  it('predicts what the unfolded model predicts, to float rounding', async () => {
    const [before, after] = await Promise.all([
      tf.loadLayersModel(handler(original)),
      tf.loadLayersModel(handler(folded.artifacts)),
    ]);
    const shape = [2, nsfwInputSide, nsfwInputSide, 3];
    const pixels = seededBytes(2 * nsfwInputSide * nsfwInputSide * 3, 7);
    const input = tf.tidy(() => tf.tensor(pixels, shape, 'int32').toFloat().div(255));
    const expected = await (before.predict(input) as tf.Tensor).array();
    const actual = (await (after.predict(input) as tf.Tensor).array()) as number[][];
    (expected as number[][]).forEach((row, index) => {
      row.forEach((value, column) => {
        expect(Math.abs((actual[index]?.[column] as number) - value)).toBeLessThan(1e-5);
      });
    });
    input.dispose();
    before.dispose();
    after.dispose();
  });

  it('leaves a model without weights as it was', async () => {
    const bare: tf.io.ModelArtifacts = { modelTopology: original.modelTopology ?? {} };
    expect(await foldBatchNorms(bare)).toEqual({ artifacts: bare, folded: 0 });
  });

  it('leaves a graph model (no Keras layers) as it was', async () => {
    const graph: tf.io.ModelArtifacts = { ...original, modelTopology: { node: [] } };
    expect((await foldBatchNorms(graph)).folded).toBe(0);
  });
});
