import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { completedWithFiles, createFakeVideoModel } from '../test-support/fake-video-model.js';
import { scoreResultFixture } from '../test-support/score-result-fixture.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';

describe.each(testDatabaseKinds())('a route quality gate on %s', (kind) => {
  let gateway: TestGateway | null = null;
  afterEach(async () => {
    await gateway?.dispose();
    gateway = null;
  });

  async function open(scores: (number | Error)[]) {
    const completes = () => completedWithFiles(gateway!.storageDir, { video: 'out.mp4' });
    const first = createFakeVideoModel({ statusScript: completes });
    const second = createFakeVideoModel({ modelId: 'fake-2', statusScript: completes });
    gateway = await createTestGateway(kind, [first, second], {
      scoring: true,
      routes: {
        gated: {
          targets: [{ model: 'fake-1' }, { model: 'fake-2' }],
          qualityGate: { minStabilityIndex: 60, maxRerolls: 1 },
        },
      },
    });
    await writeFile(join(gateway.storageDir, 'out.mp4'), Buffer.from('mp4'));
    const scorer = gateway.newScoreWorker({
      scoreFile: async () => {
        const next = scores.shift();
        if (next instanceof Error) throw next;
        return scoreResultFixture(next ?? 99);
      },
      maxAttempts: 1,
    });
    const { id } = (await (await gateway.postVideo({ prompt: 'x', model: 'gated' })).json()) as {
      id: string;
    };
    const read = async () =>
      (await (
        await gateway!.app.request(`/v1/videos/${id}`, gateway!.authorized())
      ).json()) as Record<string, any>;
    /** Render, score once, and let the gate judge: what a single-attempt video goes through. */
    const renderScoreJudge = async () => {
      const worker = gateway!.newWorker();
      await gateway!.drain(worker, 10);
      await scorer.runOnce();
      await gateway!.drain(worker, 10);
      return read();
    };
    return { gateway, first, second, scorer, read, renderScoreJudge };
  }

  it('holds the render until scored, then re-renders below the minimum on the next target', async () => {
    const { gateway, second, scorer, read } = await open([41.5, 80]);
    const worker = gateway.newWorker();
    await gateway.drain(worker, 10);
    expect(await read()).toMatchObject({ status: 'in_progress', progress: 99 });
    expect(await scorer.runOnce()).toBe(1);
    await gateway.drain(worker, 10);
    expect(second.startCalls).toHaveLength(1);
    const video = await read();
    expect(video.status).toBe('completed');
    expect(video.attempts).toEqual([
      {
        model: 'fake/fake-1',
        provider: 'fake',
        status: 'rejected',
        error: { code: 'quality_gate', message: 'stability index 41.5 is below the minimum of 60' },
        cost_usd: '0.400000',
      },
      {
        model: 'fake/fake-2',
        provider: 'fake',
        status: 'completed',
        error: null,
        cost_usd: '0.400000',
      },
    ]);
    expect(video.cost.actual_usd).toBe('0.800000');
    expect(video.warnings).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/re-rendering on fake\/fake-2/) }),
    );
    // The re-roll is scored afresh, not judged by the first render's score.
    expect(await scorer.runOnce()).toBe(1);
    const score = await gateway.app.request(`/v1/videos/${video.id}/scores`, gateway.authorized());
    expect(((await score.json()) as Record<string, any>).result.index.value).toBe(80);
  });

  it('completes a render at or above the minimum without re-rendering', async () => {
    const { second, renderScoreJudge } = await open([60]);
    const video = await renderScoreJudge();
    expect(video.status).toBe('completed');
    expect(video.attempts.map((attempt: Record<string, any>) => attempt.status)).toEqual([
      'completed',
    ]);
    expect(second.startCalls).toHaveLength(0);
  });

  it('lets a render through unjudged, with a warning, when scoring fails', async () => {
    const { second, renderScoreJudge } = await open([new Error('ffmpeg was missing')]);
    const video = await renderScoreJudge();
    expect(video.status).toBe('completed');
    expect(video.warnings).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(/scoring failed .*completed unjudged/),
      }),
    );
    expect(second.startCalls).toHaveLength(0);
  });
});
