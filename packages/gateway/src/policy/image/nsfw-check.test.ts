import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledBinaryPaths } from '../../media/bundled-binaries.js';
import { runCommand } from '../../media/run-command.js';
import { sampleFrames } from '../../media/sample-frames.js';
import { createHashRandom } from '../../providers/local/hash-random.js';
import { sceneBuilders } from '../../providers/local/render-scenes.js';
import type { SceneName } from '../../providers/local/local-options.js';
import { createImageHashCheck } from './image-hash-check.js';
import { createNsfwCheck, defaultNsfwThresholds } from './nsfw-check.js';
import { loadNsfwClassifier } from './nsfw-model.js';
import {
  decompressionBombPng,
  gradientPng,
  lavfiPng,
  noisePng,
  solidPng,
  testVideo,
} from './test-images.js';

const output = { param: 'output' as const, projectHashes: [] };
const check = createNsfwCheck();

/** One frame of the local engine's own scene graph, as its renders draw it. */
async function localEngineFrame(scene: SceneName, seed: string, atSeconds: number) {
  const frame = { width: 1280, height: 720, fps: 24, seconds: 4, totalFrames: 96 };
  const graph = sceneBuilders[scene](frame, createHashRandom([scene, seed]), 'out');
  const result = await runCommand(
    bundledBinaryPaths().ffmpegPath,
    [
      ...['-v', 'error', '-filter_complex', graph, '-map', '[out]'],
      ...['-ss', String(atSeconds), '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', 'pipe:1'],
    ],
    { timeoutMs: 60_000 },
  );
  if (result.exitCode !== 0) throw new Error(result.stderr);
  return result.stdout;
}

let mandelbrot: Buffer;

beforeAll(async () => {
  // Seed 2 at 2 s is the most "hentai"-looking ordinary frame found (0.27): the hard case.
  mandelbrot = await localEngineFrame('mandelbrot', '2', 2);
  await check.warmUp();
});

describe('createNsfwCheck', () => {
  it('records every class score, summing to 1, and finds nothing in a fractal', async () => {
    const outcome = await check.screen(mandelbrot, output);
    expect(outcome).toMatchObject({ checkId: 'image.nsfw', stage: 'post', param: 'output' });
    expect(outcome.error).toBeUndefined();
    expect(Object.keys(outcome.scores).sort()).toEqual([
      'drawing',
      'hentai',
      'neutral',
      'porn',
      'sexy',
    ]);
    const total = Object.values(outcome.scores).reduce((sum, value) => sum + value, 0);
    expect(total).toBeCloseTo(1, 4);
    expect(outcome.findings).toEqual([]);
  });

  it('scores the same image the same every time, and as recorded', async () => {
    const first = await check.screen(mandelbrot, output);
    const again = await check.screen(Buffer.from(mandelbrot), output);
    expect(again.scores).toEqual(first.scores);
    expect(first.scores.drawing).toBeCloseTo(0.69, 2);
    expect(first.scores.hentai).toBeCloseTo(0.27, 2);
    expect(first.scores.porn).toBeCloseTo(0.014, 2);
  });

  it('passes ordinary images: fills, gradients, noise, test patterns, local engine scenes', async () => {
    const ordinary = [
      await solidPng(1280, 720, '#000000'),
      await solidPng(1280, 720, '#ffffff'),
      await solidPng(640, 480, '#e0ac69'),
      await solidPng(640, 480, '#ffc0cb'),
      await gradientPng(1280, 720),
      await noisePng(640, 480, 7),
      await lavfiPng('color=c=#e0ac69:s=640x480,noise=alls=40:allf=t'),
      await lavfiPng('testsrc=s=1280x720'),
      await lavfiPng('testsrc2=s=1280x720'),
      await lavfiPng('smptebars=s=1280x720'),
      await localEngineFrame('life', '1', 1),
      await localEngineFrame('cellauto', '1', 1),
      await localEngineFrame('orbits', '1', 1),
      mandelbrot,
    ];
    for (const image of ordinary) {
      const outcome = await check.screen(image, output);
      expect(outcome.error).toBeUndefined();
      expect(outcome.findings).toEqual([]);
      expect(outcome.scores.porn).toBeLessThan(defaultNsfwThresholds.porn / 2);
      expect(outcome.scores.hentai).toBeLessThan(defaultNsfwThresholds.hentai / 2);
      expect(outcome.scores.sexy).toBeLessThan(defaultNsfwThresholds.sexy / 2);
    }
  });

  it('refuses as sexual, with the score, each class at or over its threshold', async () => {
    const strict = createNsfwCheck({ thresholds: { hentai: 0.2, porn: 0.01 } });
    const outcome = await strict.screen(mandelbrot, {
      param: 'input_reference',
      projectHashes: [],
    });
    expect(outcome.stage).toBe('pre');
    expect(outcome.findings.map((finding) => finding.ruleId)).toEqual([
      'image-nsfw.porn',
      'image-nsfw.hentai',
    ]);
    expect(outcome.findings[1]).toEqual({
      ruleId: 'image-nsfw.hentai',
      category: 'sexual',
      effect: 'block',
      score: outcome.scores.hentai,
    });
    expect(strict.version).toBe('1+nsfwjs-4.4.0-mobilenet_v2-p0.01-h0.2-s0.9');
  });

  it('refuses thresholds outside (0, 1]', () => {
    expect(() => createNsfwCheck({ thresholds: { sexy: 0 } })).toThrow(/sexy/);
    expect(() => createNsfwCheck({ thresholds: { porn: 1.5 } })).toThrow(/porn/);
  });

  it('reports undecodable input as the error, naming the input', async () => {
    const input = { param: 'input_reference' as const, projectHashes: [] };
    const bomb = await check.screen(decompressionBombPng(20_000), input);
    expect(bomb.findings).toEqual([]);
    expect(bomb.error).toMatch(/^input_reference is 20000x20000/);
    const video = await check.screen(await testVideo(), input);
    expect(video.error).toMatch(/^input_reference is a video, not an image/);
  });

  it('loads one model for the process, on the wasm backend, and refuses a second backend', async () => {
    const classifier = await loadNsfwClassifier();
    expect(classifier.backend).toBe('wasm');
    expect(loadNsfwClassifier('wasm')).toBe(loadNsfwClassifier());
    await expect(loadNsfwClassifier('cpu')).rejects.toThrow(/already runs on wasm/);
    const failed = await createNsfwCheck({ backend: 'cpu' }).screen(mandelbrot, output);
    expect(failed.error).toMatch(/already runs on wasm/);
  });

  it('screens the sampled frames of a finished video, with the hash check beside it', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'vgw-output-frames-'));
    try {
      const videoPath = join(directory, 'output.mp4');
      await writeFile(videoPath, await testVideo('testsrc2=s=640x360:r=12:d=2'));
      const frames = await sampleFrames({
        videoPath,
        count: 4,
        ...bundledBinaryPaths(),
        maxSide: 512,
      });
      expect(frames).toHaveLength(5);
      const hash = createImageHashCheck({ lists: [] });
      for (const frame of frames) {
        const outcomes = await Promise.all([
          hash.screen(frame.image, output),
          check.screen(frame.image, output),
        ]);
        for (const outcome of outcomes) {
          expect(outcome).toMatchObject({ stage: 'post', param: 'output', findings: [] });
          expect(outcome.error).toBeUndefined();
        }
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
