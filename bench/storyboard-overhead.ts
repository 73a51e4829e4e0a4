import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { bundledBinaryPaths } from '../packages/gateway/src/media/bundled-binaries.js';
import { createLocalProvider } from '../packages/gateway/src/providers/local/index.js';
import {
  createTestGateway,
  type TestGateway,
} from '../packages/gateway/src/test-support/test-gateway.js';
import { median } from './median.js';

const shot = { seconds: 2, size: '640x360' };

/** Runs the gateway's workers until `done` says so, checking every 20 ms (real renders). */
async function runUntil(gateway: TestGateway, done: () => Promise<boolean>): Promise<void> {
  const worker = gateway.newWorker('bench-worker', 8);
  try {
    for (;;) {
      await gateway.test.database.query(
        `update videos set next_check_at = now() where status in ('queued', 'in_progress')`,
      );
      await worker.runOnce();
      if (await done()) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await worker.stop({ graceMs: 0 });
  }
}

async function statusOf(gateway: TestGateway, path: string): Promise<string> {
  const response = await gateway.app.request(path, gateway.authorized());
  return ((await response.json()) as { status: string }).status;
}

/**
 * The shots one after another: create one, wait for it, then the next; with `image`, every shot
 * after the first takes an input image, as a continued shot does.
 */
async function oneByOne(
  gateway: TestGateway,
  prompts: string[],
  image: string | null = null,
): Promise<number> {
  const started = performance.now();
  for (const [index, prompt] of prompts.entries()) {
    const response = await gateway.postVideo({
      prompt,
      seconds: String(shot.seconds),
      size: shot.size,
      ...(image != null && index > 0 ? { input_reference: { image_url: image } } : {}),
    });
    const { id } = (await response.json()) as { id: string };
    await runUntil(gateway, async () =>
      ['completed', 'failed'].includes(await statusOf(gateway, `/v1/videos/${id}`)),
    );
  }
  return performance.now() - started;
}

/** The same shots as one storyboard, stitched and its seams scored. */
async function asStoryboard(
  gateway: TestGateway,
  prompts: string[],
  chained: boolean,
): Promise<number> {
  const started = performance.now();
  const shots = prompts.map((prompt, index) => ({
    prompt,
    seconds: shot.seconds,
    ...(chained && index > 0 ? { continue: true } : {}),
  }));
  const response = await gateway.postJson('/v1/storyboards', { size: shot.size, shots });
  const { id } = (await response.json()) as { id: string };
  let status = 'queued';
  await runUntil(gateway, async () => {
    status = await statusOf(gateway, `/v1/storyboards/${id}`);
    return ['completed', 'failed'].includes(status);
  });
  if (status !== 'completed') throw new Error(`storyboard ${id} ended ${status}`);
  return performance.now() - started;
}

/**
 * Wall time of a storyboard of `count` local-engine shots (create to stitched MP4 with seam
 * scores) against creating and awaiting the same shots one by one, as a ratio. Independent shots
 * render in parallel; chained ones (`continue`) in order, so their ratio is the storyboard's own
 * overhead: frame extraction, stitch, seams and the extra passes.
 */
export async function benchStoryboardOverhead(count: number, rounds: number) {
  const workDir = await mkdtemp(join(tmpdir(), 'vgw-storyboard-bench-'));
  const model = createLocalProvider({
    ...bundledBinaryPaths(),
    workDir,
    renderTimeoutMs: 120_000,
  }).videoModel('local');
  const gateway = await createTestGateway('pglite', [model], { defaultModel: 'local' });
  const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#468' } })
    .png()
    .toBuffer();
  const image = `data:image/png;base64,${png.toString('base64')}`;
  const times = {
    oneByOne: [] as number[],
    oneByOneWithImages: [] as number[],
    independent: [] as number[],
    chained: [] as number[],
  };
  try {
    for (let round = 0; round < rounds; round += 1) {
      const prompts = Array.from({ length: count }, (_, index) => `bench shot ${round}-${index}`);
      times.oneByOne.push(
        await oneByOne(
          gateway,
          prompts.map((prompt) => `${prompt} solo`),
        ),
      );
      times.oneByOneWithImages.push(
        await oneByOne(
          gateway,
          prompts.map((prompt) => `${prompt} imaged`),
          image,
        ),
      );
      times.independent.push(await asStoryboard(gateway, prompts, false));
      times.chained.push(
        await asStoryboard(
          gateway,
          prompts.map((p) => `${p} chained`),
          true,
        ),
      );
    }
  } finally {
    await gateway.dispose();
    await rm(workDir, { recursive: true, force: true });
  }
  const base = median(times.oneByOne);
  const imaged = median(times.oneByOneWithImages);
  const row = (run: string, ms: number, against: number) => ({
    run,
    ms: Math.round(ms),
    ratio: Number((ms / against).toFixed(2)),
  });
  return [
    row(`${count} shots one by one`, base, base),
    row(`${count} shots one by one, input images`, imaged, base),
    row('storyboard, independent shots (vs one by one)', median(times.independent), base),
    row('storyboard, chained shots (vs one by one, input images)', median(times.chained), imaged),
  ];
}
