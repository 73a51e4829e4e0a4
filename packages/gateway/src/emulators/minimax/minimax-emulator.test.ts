import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../../media/bundled-binaries.js';
import { probeVideo } from '../../media/probe-video.js';
import { runCommand } from '../../media/run-command.js';
import { emulatorApiKey, startTestEmulator } from '../../test-support/emulated-provider.js';
import { minimaxEmulator } from './minimax-emulator.js';

// MiniMax publishes no official JavaScript SDK, so the referee is plain fetch following the
// documented API (docs/providers.md §7): Bearer key, v1 base_resp envelope, v2 task object.
let running: Awaited<ReturnType<typeof startTestEmulator>>;
let workDir: string;

async function minimax(path: string, init: { body?: unknown; key?: string } = {}) {
  const response = await fetch(`${running.emulator.url}${path}`, {
    method: init.body != null ? 'POST' : 'GET',
    headers: {
      authorization: `Bearer ${init.key ?? emulatorApiKey}`,
      'content-type': 'application/json',
    },
    ...(init.body != null ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function poll<T>(check: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const result = await check();
    if (result != null) return result;
    if (Date.now() > deadline) throw new Error('task did not finish');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function expectMp4(url: string, name: string) {
  const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
  expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
  const file = join(workDir, name);
  await writeFile(file, bytes);
  return probeVideo(bundledBinaryPaths().ffprobePath, file);
}

const v1Query = (taskId: string) =>
  poll(async () => {
    const { body } = await minimax(`/v1/query/video_generation?task_id=${taskId}`);
    expect(body.base_resp.status_code === 0 || body.status === 'Fail').toBe(true);
    return body.status === 'Success' || body.status === 'Fail' ? body : null;
  });

const v2Query = (taskId: string) =>
  poll(async () => {
    const { status, body } = await minimax(`/v2/query/video_generation/${taskId}`);
    expect(status).toBe(200);
    return ['queued', 'running'].includes(body.task.status) ? null : body.task;
  });

beforeAll(async () => {
  running = await startTestEmulator(minimaxEmulator);
  workDir = await mkdtemp(join(tmpdir(), 'minimax-emulator-test-'));
});
afterAll(async () => {
  await running.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('minimax emulator v1 (plain fetch, no official SDK exists)', () => {
  it(
    'runs create → query → files/retrieve → download of a real MP4',
    { timeout: 120_000 },
    async () => {
      const created = await minimax('/v1/video_generation', {
        body: {
          model: 'MiniMax-Hailuo-02',
          prompt: 'a man reads',
          duration: 6,
          resolution: '768P',
        },
      });
      expect(created.body).toMatchObject({ base_resp: { status_code: 0, status_msg: 'success' } });
      const done = await v1Query(created.body.task_id as string);
      expect(done.status).toBe('Success');
      const file = await minimax(`/v1/files/retrieve?file_id=${done.file_id}`);
      expect(file.body.file).toMatchObject({ purpose: 'video_generation', filename: 'output.mp4' });
      const probe = await expectMp4(file.body.file.download_url as string, 'v1.mp4');
      expect(probe).toMatchObject({ codec: 'h264', width: 640, height: 360 });
      expect(probe.durationSeconds).toBeCloseTo(6, 0);
    },
  );

  it('accepts a first_frame_image data URL', { timeout: 120_000 }, async () => {
    const image = join(workDir, 'first.png');
    const made = await runCommand(
      bundledBinaryPaths().ffmpegPath,
      ['-y', '-f', 'lavfi', '-i', 'color=c=blue:s=128x128', '-frames:v', '1', image],
      { timeoutMs: 30_000 },
    );
    expect(made.exitCode).toBe(0);
    const created = await minimax('/v1/video_generation', {
      body: {
        model: 'MiniMax-Hailuo-2.3',
        prompt: 'the blue comes alive',
        duration: 6,
        first_frame_image: `data:image/png;base64,${(await readFile(image)).toString('base64')}`,
      },
    });
    expect((await v1Query(created.body.task_id as string)).status).toBe('Success');
  });

  it('answers errors in base_resp: 1026 for [moderate], 2013 for bad params, 1004 for a bad key', async () => {
    const refused = await minimax('/v1/video_generation', {
      body: { model: 'MiniMax-Hailuo-02', prompt: 'x [moderate]', duration: 6 },
    });
    expect(refused).toMatchObject({ status: 200, body: { base_resp: { status_code: 1026 } } });
    const tooLong = await minimax('/v1/video_generation', {
      body: { model: 'MiniMax-Hailuo-02', prompt: 'x', duration: 10, resolution: '1080P' },
    });
    expect(tooLong.body.base_resp.status_code).toBe(2013);
    const denied = await minimax('/v1/query/video_generation?task_id=1', { key: 'wrong' });
    expect(denied).toMatchObject({ status: 401, body: { base_resp: { status_code: 1004 } } });
  });

  it('fails a [moderate-output] task with 1027', { timeout: 120_000 }, async () => {
    const created = await minimax('/v1/video_generation', {
      body: { model: 'MiniMax-Hailuo-02', prompt: 'calm [moderate-output]', duration: 6 },
    });
    const done = await v1Query(created.body.task_id as string);
    expect(done).toMatchObject({ status: 'Fail', base_resp: { status_code: 1027 } });
  });
});

describe('minimax emulator v2 (MiniMax-H3, plain fetch)', () => {
  it('runs create → query → download of a real MP4', { timeout: 120_000 }, async () => {
    const created = await minimax('/v2/video_generation', {
      body: {
        model: 'MiniMax-H3',
        content: [{ type: 'text', text: 'a tall tower' }],
        resolution: '2K',
        duration: 5,
        ratio: '9:16',
      },
    });
    expect(created.status).toBe(200);
    const task = await v2Query(created.body.task_id as string);
    expect(task).toMatchObject({ status: 'succeeded', duration: 5, resolution: '2K' });
    expect(task.usage).toEqual({ total_seconds: 5, input_seconds: 0, output_seconds: 5 });
    const probe = await expectMp4(task.content.url as string, 'v2.mp4');
    expect(probe).toMatchObject({ codec: 'h264', width: 360, height: 640 });
  });

  it('refuses text-to-video without a ratio and a wrong key, in v2 error shape', async () => {
    const noRatio = await minimax('/v2/video_generation', {
      body: { model: 'MiniMax-H3', content: [{ type: 'text', text: 'x' }], duration: 5 },
    });
    expect(noRatio).toMatchObject({
      status: 400,
      body: { type: 'error', error: { type: 'invalid_request_error', http_code: 400 } },
    });
    const denied = await minimax('/v2/query/video_generation/x', { key: 'wrong' });
    expect(denied).toMatchObject({
      status: 401,
      body: { error: { type: 'authentication_error' } },
    });
  });

  it('surfaces [moderate] as a failed task with a policy error', { timeout: 120_000 }, async () => {
    const created = await minimax('/v2/video_generation', {
      body: {
        model: 'MiniMax-H3',
        content: [{ type: 'text', text: 'bad [moderate]' }],
        duration: 5,
        ratio: '16:9',
      },
    });
    const task = await v2Query(created.body.task_id as string);
    expect(task).toMatchObject({ status: 'failed', error: { code: 'content_policy' } });
    const limited = await minimax('/v2/video_generation', {
      body: { model: 'MiniMax-H3', content: [{ type: 'text', text: 'busy [429]' }], ratio: '1:1' },
    });
    expect(limited).toMatchObject({ status: 429, body: { error: { type: 'rate_limit_error' } } });
  });
});
