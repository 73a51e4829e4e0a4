import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../../compose/build-video-models.js';
import { probeVideo } from '../../provider-utils/probe-video.js';
import { minimaxProvider } from '../../providers/minimax/minimax-provider.js';
import { emulatedGateway, type EmulatedGateway } from '../../testing/emulated-provider.js';
import { testDatabaseKinds } from '../../testing/test-databases.js';
import { minimaxEmulator } from './minimax-emulator.js';

const timeout = { timeout: 120_000 };

function harnessFor(kind: Parameters<typeof emulatedGateway>[0], modelId: string, request: object) {
  const state: { harness: EmulatedGateway; workDir: string } = {} as never;
  beforeAll(async () => {
    state.harness = await emulatedGateway(kind, minimaxProvider, minimaxEmulator, modelId);
    state.workDir = await mkdtemp(join(tmpdir(), 'minimax-gateway-test-'));
  }, 120_000);
  afterAll(async () => {
    await state.harness?.close();
    await rm(state.workDir, { recursive: true, force: true });
  });
  const create = async (prompt: string): Promise<string> => {
    const response = await state.harness.gateway.app.request(
      '/v1/videos',
      state.harness.gateway.authorized({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: `minimax/${modelId}`, prompt, ...request }),
      }),
    );
    const video = (await response.json()) as Record<string, any>;
    expect(response.status, JSON.stringify(video)).toBe(200);
    return video.id as string;
  };
  /** A failing status check is retried until the deadline; pull it forward. */
  const settleOrExpire = async (id: string) => {
    try {
      return await state.harness.settle(id, 4_000);
    } catch {
      await state.harness.gateway.test.database.query(
        'update videos set deadline_at = now() where id = $1',
        [id],
      );
      return state.harness.settle(id, 30_000);
    }
  };
  const renders = async (prompt: string, seconds: number) => {
    const id = await create(prompt);
    const video = await state.harness.settle(id, 90_000);
    expect(video.status, JSON.stringify(video.error)).toBe('completed');
    const content = await state.harness.gateway.app.request(
      `/v1/videos/${id}/content`,
      state.harness.gateway.authorized(),
    );
    expect(content.status).toBe(200);
    const file = join(state.workDir, `${id}.mp4`);
    await writeFile(file, Buffer.from(await content.arrayBuffer()));
    const probe = await probeVideo(bundledBinaryPaths().ffprobePath, file);
    expect(probe.codec).toBe('h264');
    expect(probe.durationSeconds).toBeCloseTo(seconds, 0);
  };
  return { state, create, settleOrExpire, renders };
}

describe.each(testDatabaseKinds())('minimax Hailuo (v1) through the gateway on %s', (kind) => {
  const { state, create, settleOrExpire, renders } = harnessFor(kind, 'MiniMax-Hailuo-02', {
    seconds: 6,
    size: '1366x768',
  });

  it('renders to an MP4 that ffprobe reads', timeout, () => renders('a quiet library', 6));

  it('fails [moderate] as content_policy_violation on the prompt', timeout, async () => {
    const video = await state.harness.settle(await create('a storm [moderate]'));
    expect(video.status).toBe('failed');
    expect(video.error).toMatchObject({ code: 'content_policy_violation', param: 'prompt' });
  });

  it('fails [moderate-output] on the output', timeout, async () => {
    const video = await state.harness.settle(await create('a lake [moderate-output]'), 90_000);
    expect(video.error).toMatchObject({ code: 'content_policy_violation', param: 'output' });
  });

  it('ends [429] failed after its retries', timeout, async () => {
    const video = await state.harness.settle(await create('busy [429]'), 60_000);
    expect(video.status).toBe('failed');
    expect(video.error.code).toMatch(/start_failed|provider_rate_limited/);
  });

  it('completes despite [flap] and [500-once]', timeout, async () => {
    for (const prompt of ['a windmill [flap]', 'a kite [500-once]']) {
      const video = await state.harness.settle(await create(prompt), 90_000);
      expect(video.status, `${prompt}: ${JSON.stringify(video.error)}`).toBe('completed');
    }
  });

  it('ends [no-url] failed with no_output', timeout, async () => {
    const video = await state.harness.settle(await create('an empty room [no-url]'), 90_000);
    expect(video.error?.code).toBe('no_output');
  });

  it('ends [garbage] failed once its deadline passes, never stuck', timeout, async () => {
    const video = await settleOrExpire(await create('noise [garbage]'));
    expect(video.status).toBe('failed');
  });

  it('refuses [metadata-url] and ends [loopback-url] failed', timeout, async () => {
    const metadata = await state.harness.settle(await create('a cloud [metadata-url]'), 60_000);
    expect(metadata.status).toBe('failed');
    expect(metadata.error.message).toMatch(/refusing to fetch 169\.254\.169\.254/);
    const loopback = await state.harness.settle(await create('a mirror [loopback-url]'), 60_000);
    expect(loopback.status).toBe('failed');
    expect(loopback.error.message).toMatch(/download/);
  });
});

describe.each(testDatabaseKinds())('minimax H3 (v2) through the gateway on %s', (kind) => {
  const { state, create, renders } = harnessFor(kind, 'MiniMax-H3', {
    seconds: 5,
    size: '1440x2560',
  });

  it('renders to an MP4 that ffprobe reads', timeout, () => renders('a tall tower', 5));

  it(
    'fails [moderate] and [moderate-output] naming the input and the output',
    timeout,
    async () => {
      const input = await state.harness.settle(await create('a storm [moderate]'), 60_000);
      expect(input.error).toMatchObject({ code: 'content_policy_violation', param: 'prompt' });
      const output = await state.harness.settle(await create('a lake [moderate-output]'), 90_000);
      expect(output.error).toMatchObject({ code: 'content_policy_violation', param: 'output' });
    },
  );

  it('ends [429] failed and [no-url] with no_output', timeout, async () => {
    const limited = await state.harness.settle(await create('busy [429]'), 60_000);
    expect(limited.status).toBe('failed');
    const empty = await state.harness.settle(await create('an empty room [no-url]'), 90_000);
    expect(empty.error?.code).toBe('no_output');
  });
});
