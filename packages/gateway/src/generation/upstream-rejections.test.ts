import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VideoStatusResult } from '@vgw/spec';
import { afterEach, describe, expect, it } from 'vitest';
import { usageReport } from '../cost/usage-report.js';
import { completedWithFiles, createFakeVideoModel } from '../test-support/fake-video-model.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';

const refused: VideoStatusResult = {
  status: 'failed',
  error: {
    code: 'content_policy_violation',
    message: 'SAFETY.INPUT.TEXT',
    retryable: false,
    param: 'prompt',
  },
};

describe.each(testDatabaseKinds())('upstream content refusals on %s', (kind) => {
  let gateway: TestGateway | null = null;
  afterEach(async () => {
    await gateway?.dispose();
    gateway = null;
  });

  it('are never sent to the same provider again, and are counted per key and project', async () => {
    const first = createFakeVideoModel({ modelId: 'fake-1', statusScript: () => refused });
    const sibling = createFakeVideoModel({
      modelId: 'fake-2',
      statusScript: () => completedWithFiles(gateway!.storageDir, { video: 'out.mp4' }),
    });
    gateway = await createTestGateway(kind, [first, sibling], {
      routes: {
        hero: {
          targets: [{ model: 'fake/fake-1' }, { model: 'fake/fake-2' }],
          fallbackOn: ['content_policy_violation'],
        },
      },
    });
    await writeFile(join(gateway.storageDir, 'out.mp4'), Buffer.from('mp4'));
    const created = await gateway.postVideo({ prompt: 'a fox', model: 'hero' });
    const { id } = (await created.json()) as { id: string };
    await gateway.drain(gateway.newWorker(), 20);

    const video = (await (
      await gateway.app.request(`/v1/videos/${id}`, gateway.authorized())
    ).json()) as Record<string, any>;
    expect(video.status).toBe('failed');
    expect(video.error).toMatchObject({ code: 'content_policy_violation', param: 'prompt' });
    expect(sibling.startCalls).toHaveLength(0);

    const start = Math.floor(Date.now() / 1000) - 3600;
    const usage = (await (
      await gateway.app.request(
        `/v1/usage?start_time=${start}&bucket_width=1d&group_by=key`,
        gateway.authorized(),
      )
    ).json()) as { data: { results: { upstream_rejections: number; api_key_id: string }[] }[] };
    const results = usage.data.flatMap((bucket) => bucket.results);
    expect(results.map((result) => result.upstream_rejections)).toEqual([1]);

    const report = await usageReport(gateway.test.database, {
      projectName: null,
      since: { secondsAgo: 3600 },
      groupBy: 'key',
    });
    expect(report.totals.upstreamRejections).toBe(1);
    expect(report.groups.map((group) => group.upstreamRejections)).toEqual([1]);
  });
});
