import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledBinaryPaths } from '../packages/gateway/src/media/bundled-binaries.js';
import { createHashRandom } from '../packages/gateway/src/providers/local/hash-random.js';
import {
  sceneNames,
  type SceneName,
} from '../packages/gateway/src/providers/local/local-options.js';
import { createLocalProvider } from '../packages/gateway/src/providers/local/index.js';
import { sceneBuilders } from '../packages/gateway/src/providers/local/render-scenes.js';

const frame = { width: 1280, height: 720, fps: 24, seconds: 4, totalFrames: 96 };

/** ffmpeg alone encoding the same scene graph: no caption, no thumbnail, no spritesheet. */
function plainRender(ffmpegPath: string, scene: SceneName, directory: string): number {
  // The same parameters the engine derives for this prompt and seed (render-plan.ts), so both
  // sides encode the identical scene.
  const random = createHashRandom(['vgw-local-v1', `bench ${scene}`, '1', 'scene-parameters']);
  const graph = sceneBuilders[scene](frame, random, 'scene');
  const started = performance.now();
  const result = spawnSync(ffmpegPath, [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-filter_complex', graph],
    ...['-map', '[scene]', '-frames:v', String(frame.totalFrames), '-c:v', 'libx264'],
    ...['-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', join(directory, 'plain.mp4')],
  ]);
  if (result.status !== 0) throw new Error(`plain ffmpeg failed: ${result.stderr.toString()}`);
  return performance.now() - started;
}

/** The local engine end to end: doStart, then status checks every 20 ms until completed. */
async function engineRender(workDir: string, scene: SceneName, run: number): Promise<number> {
  const model = createLocalProvider({
    ...bundledBinaryPaths(),
    workDir,
    renderTimeoutMs: 120_000,
  }).videoModel('local');
  const started = performance.now();
  const { operation } = await model.doStart({
    prompt: `bench ${scene}`,
    seconds: frame.seconds,
    width: frame.width,
    height: frame.height,
    fps: frame.fps,
    seed: 1,
    inputReference: null,
    idempotencyKey: `bench-${scene}-${run}-${Date.now()}`,
    providerOptions: { scene },
  });
  for (;;) {
    const status = await model.doStatus({ operation });
    if (status.status === 'completed') return performance.now() - started;
    if (status.status === 'failed') throw new Error(`render failed: ${status.error.message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Render time of a 4 s 1280x720 clip per scene, engine vs plain ffmpeg, alternating runs. */
export async function benchLocalRender(runs: number) {
  const { ffmpegPath } = bundledBinaryPaths();
  const directory = await mkdtemp(join(tmpdir(), 'vgw-local-bench-'));
  const rows = [];
  try {
    for (const scene of sceneNames) {
      const plain: number[] = [];
      const engine: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        plain.push(plainRender(ffmpegPath, scene, directory));
        engine.push(await engineRender(directory, scene, run));
      }
      rows.push({
        scene,
        plainMs: Math.round(median(plain)),
        engineMs: Math.round(median(engine)),
        ratio: Number((median(engine) / median(plain)).toFixed(2)),
      });
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
  return rows;
}
