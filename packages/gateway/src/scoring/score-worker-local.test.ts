import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../media/bundled-binaries.js';
import { createLocalProvider } from '../providers/local/local-provider.js';
import { scoreResultSchema } from '../quality/score-result.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';

async function json(response: Response) {
  return (await response.json()) as Record<string, any>;
}

describe.each(testDatabaseKinds())('automatic scoring of a local-engine video on %s', (kind) => {
  let gateway: TestGateway;
  let workDir: string;
  afterEach(async () => {
    await gateway.dispose();
    await rm(workDir, { recursive: true, force: true });
  });

  /** Drives the video worker until the render is done (the render is a real ffmpeg process). */
  async function renderToCompletion(id: string): Promise<Record<string, any>> {
    const worker = gateway.newWorker();
    for (let pass = 0; pass < 600; pass += 1) {
      await gateway.drain(worker, 1);
      const video = await json(await gateway.app.request(`/v1/videos/${id}`, gateway.authorized()));
      if (video.status !== 'queued' && video.status !== 'in_progress') return video;
      // Waiting on the external ffmpeg, not on a clock the code under test reads.
      await delay(50);
    }
    throw new Error(`video ${id} did not finish rendering`);
  }

  it('scores the stored MP4 once completed and serves the real numbers', async () => {
    workDir = await mkdtemp(join(tmpdir(), 'vgw-score-local-'));
    const model = createLocalProvider({
      ...bundledBinaryPaths(),
      workDir,
      renderTimeoutMs: 60_000,
    }).videoModel('local');
    gateway = await createTestGateway(kind, [model], { scoring: true });
    const created = await json(
      await gateway.postVideo({ prompt: 'a slow pan', seconds: '2', size: '320x240', fps: 12 }),
    );
    const completed = await renderToCompletion(created.id);
    expect(completed.status).toBe('completed');
    expect(completed.scores).toBeNull();

    const scorer = gateway.newScoreWorker({ workerId: 'scorer' });
    expect(await scorer.runOnce()).toBe(1);
    await scorer.stop({ graceMs: 0 });

    const scores = await json(
      await gateway.app.request(`/v1/videos/${created.id}/scores`, gateway.authorized()),
    );
    expect(scores.status).toBe('completed');
    expect(scores.error).toBeNull();
    const result = scoreResultSchema.parse(scores.result);
    expect(result.analysis.frames).toBe(24);
    expect(result.analysis.sizes.native).toEqual({ width: 320, height: 240 });
    expect(result.perFrame.flicker).toHaveLength(23);
    expect(result.index.value).toBeGreaterThan(0);
    expect(result.index.value).toBeLessThanOrEqual(100);

    const video = await json(
      await gateway.app.request(`/v1/videos/${created.id}`, gateway.authorized()),
    );
    expect(video.scores.index).toBe(result.index.value);
    expect(video.scores.dynamic_degree.dynamic).toBe(result.dynamicDegree.dynamic);
    expect(video.scores.metrics.vbench_flicker).toBe(result.metrics.vbenchFlicker.value);
    expect(video.scores.metrics.warping_error).toBe(result.metrics.warpingError);
    expect(video.scores).not.toHaveProperty('perFrame');
  });
});
