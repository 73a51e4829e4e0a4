import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../../compose/build-video-models.js';
import { probeVideo } from '../../provider-utils/probe-video.js';
import type { ProviderDefinition } from '../../providers/provider-definition.js';
import { comfyuiProvider } from '../../providers/comfyui/comfyui-provider.js';
import template from '../../providers/comfyui/__fixtures__/workflow-template.json' with { type: 'json' };
import { emulatedGateway, type EmulatedGateway } from '../../testing/emulated-provider.js';
import { testDatabaseKinds } from '../../testing/test-databases.js';
import { comfyuiEmulator } from './comfyui-emulator.js';

const perTest = { timeout: 120_000 };

/** The provider as an operator configures it: the workflow template comes from settings. */
const configured: ProviderDefinition = {
  ...comfyuiProvider,
  createModel: (modelId, settings) =>
    comfyuiProvider.createModel(modelId, {
      ...settings,
      options: { workflow: template, placeholders: { negative: 'blurry' } },
    }),
};

describe.each(testDatabaseKinds())('comfyui through the gateway (%s)', (kind) => {
  let harness: EmulatedGateway;
  let directory: string;

  beforeAll(async () => {
    harness = await emulatedGateway(kind, configured, comfyuiEmulator, 'workflow');
    directory = await mkdtemp(join(tmpdir(), 'vgw-comfyui-'));
  }, 60_000);

  afterAll(async () => {
    await harness.close();
    await rm(directory, { recursive: true, force: true });
  });

  async function create(prompt: string): Promise<string> {
    const response = await harness.gateway.app.request(
      '/v1/videos',
      harness.gateway.authorized({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // A tiny render: 1 s at 320x192.
        body: JSON.stringify({ model: 'comfyui/workflow', prompt, seconds: 1, size: '320x192' }),
      }),
    );
    const body = (await response.json()) as Record<string, any>;
    expect(response.status, JSON.stringify(body)).toBeLessThan(300);
    return body.id as string;
  }

  /** Settles a video; one that only retries (missed checks, refused downloads) is expired. */
  async function settleOrExpire(id: string): Promise<Record<string, any>> {
    try {
      return await harness.settle(id, 8_000);
    } catch {
      await harness.gateway.test.database.query(
        `update videos set deadline_at = now() - interval '1 second' where id = $1`,
        [id],
      );
      return harness.settle(id, 30_000);
    }
  }

  it('renders the substituted workflow into an MP4 that ffprobe reads', perTest, async () => {
    const id = await create('a lighthouse at dusk');
    const video = await harness.settle(id, 90_000);
    expect(video.status, JSON.stringify(video.error)).toBe('completed');
    const content = await harness.gateway.app.request(
      `/v1/videos/${id}/content`,
      harness.gateway.authorized(),
    );
    expect(content.status).toBe(200);
    const file = join(directory, `${id}.mp4`);
    await writeFile(file, Buffer.from(await content.arrayBuffer()));
    const probe = await probeVideo(bundledBinaryPaths().ffprobePath, file);
    expect(probe.codec).toBe('h264');
    expect(probe.width).toBe(320);
    expect(probe.height).toBe(192);
    expect(probe.durationSeconds).toBeGreaterThan(0.5);
  });

  it(
    'fails a moderated prompt as content_policy_violation naming the prompt',
    perTest,
    async () => {
      const video = await harness.settle(await create('a scene [moderate]'));
      expect(video.status).toBe('failed');
      expect(video.error).toMatchObject({ code: 'content_policy_violation', param: 'prompt' });
    },
  );

  it('fails a refused output as content_policy_violation naming the output', perTest, async () => {
    const video = await harness.settle(await create('a scene [moderate-output]'), 90_000);
    expect(video.error).toMatchObject({ code: 'content_policy_violation', param: 'output' });
  });

  it('ends failed after retries when every queueing answers 429', perTest, async () => {
    const video = await harness.settle(await create('busy [429]'));
    expect(video.status).toBe('failed');
    expect(video.error.code).toMatch(/start_failed|provider_rate_limited/);
  });

  it('completes after one 429 and one 500 on create', perTest, async () => {
    for (const trigger of ['429-once', '500-once']) {
      const video = await harness.settle(await create(`a bridge [${trigger}]`), 90_000);
      expect(video.status, JSON.stringify(video.error)).toBe('completed');
    }
  });

  it('completes despite flapping history checks', perTest, async () => {
    const video = await harness.settle(await create('a windmill [flap]'), 90_000);
    expect(video.status, JSON.stringify(video.error)).toBe('completed');
  });

  it('fails render_failed with the node exception', perTest, async () => {
    const video = await harness.settle(await create('a crash [fail]'), 90_000);
    expect(video.error.code).toBe('render_failed');
    expect(video.error.message).toMatch(/node 50 \(SaveVideo\)/);
  });

  it('never completes on garbage history answers and ends failed', perTest, async () => {
    const video = await settleOrExpire(await create('noise [garbage]'));
    expect(video.status).toBe('failed');
    expect(video.error.code).toBe('provider_bad_response');
    expect(video.error.message).toMatch(/status checks in a row failed/);
  });

  it('fails no_output when the run saved no video', perTest, async () => {
    const video = await settleOrExpire(await create('empty [no-url]'));
    expect(video.status).toBe('failed');
    expect(video.error.code).toBe('no_output');
  });

  it(
    'refuses a /view redirect to the cloud metadata address and ends failed',
    perTest,
    async () => {
      const id = await create('elsewhere [metadata-url]');
      const video = await settleOrExpire(id);
      expect(video.status).toBe('failed');
      expect(video.error.code).toBe('unsafe_url');
      expect(video.error.message).toMatch(/refusing to fetch 169\.254\.169\.254/);
    },
  );

  it('ends failed when the output cannot be reached', perTest, async () => {
    const id = await create('elsewhere [loopback-url]');
    const video = await settleOrExpire(id);
    expect(video.status).toBe('failed');
    expect(video.error.code).toBe('download_failed');
  });
});
