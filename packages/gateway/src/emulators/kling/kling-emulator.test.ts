import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../../media/bundled-binaries.js';
import { probeVideo } from '../../media/probe-video.js';
import { runCommand } from '../../media/run-command.js';
import { emulatorApiKey, startTestEmulator } from '../../test-support/emulated-provider.js';
import { klingEmulator } from './kling-emulator.js';

// Kling publishes no official JavaScript SDK, so the referee is plain fetch following the
// documented API (docs/providers.md §6): a JWT signed from the access/secret key pair.
let running: Awaited<ReturnType<typeof startTestEmulator>>;
let workDir: string;

async function jwt(accessKey = emulatorApiKey, secretKey = emulatorApiKey): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(accessKey)
    .setExpirationTime(now + 1800)
    .setNotBefore(now - 5)
    .sign(new TextEncoder().encode(secretKey));
}

async function kling(path: string, init: { body?: unknown; token?: string } = {}) {
  const response = await fetch(`${running.emulator.url}${path}`, {
    method: init.body != null ? 'POST' : 'GET',
    headers: {
      authorization: `Bearer ${init.token ?? (await jwt())}`,
      'content-type': 'application/json',
    },
    ...(init.body != null ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function pollUntilDone(path: string): Promise<Record<string, any>> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { body } = await kling(path);
    expect(body.code).toBe(0);
    if (body.data.task_status === 'succeed' || body.data.task_status === 'failed') return body.data;
    if (Date.now() > deadline) throw new Error(`still ${body.data.task_status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  running = await startTestEmulator(klingEmulator);
  workDir = await mkdtemp(join(tmpdir(), 'kling-emulator-test-'));
});
afterAll(async () => {
  await running.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('kling emulator (plain fetch, no official SDK exists)', () => {
  it('runs text2video create → poll → download of a real MP4', { timeout: 120_000 }, async () => {
    const created = await kling('/v1/videos/text2video', {
      body: {
        model_name: 'kling-v2-5-turbo',
        prompt: 'a lighthouse at dusk',
        duration: '5',
        mode: 'std',
        aspect_ratio: '9:16',
        external_task_id: 'referee-1',
      },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ code: 0, message: 'success' });
    expect(created.body.data).toMatchObject({
      task_status: 'submitted',
      task_info: { external_task_id: 'referee-1' },
    });
    const task = await pollUntilDone(`/v1/videos/text2video/${created.body.data.task_id}`);
    expect(task.task_status).toBe('succeed');
    const video = task.task_result.videos[0];
    expect(video.duration).toBe('5.0');
    const download = await fetch(video.url);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
    const file = join(workDir, 'text.mp4');
    await writeFile(file, bytes);
    const probe = await probeVideo(bundledBinaryPaths().ffprobePath, file);
    expect(probe).toMatchObject({ codec: 'h264', width: 360, height: 640 });
    expect(probe.durationSeconds).toBeCloseTo(5, 0);

    const again = await kling('/v1/videos/text2video', {
      body: { model_name: 'kling-v2-5-turbo', prompt: 'again', external_task_id: 'referee-1' },
    });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe(1201);
  });

  it(
    'runs image2video from raw base64 and polls only on its own path',
    { timeout: 120_000 },
    async () => {
      const image = join(workDir, 'first.png');
      const made = await runCommand(
        bundledBinaryPaths().ffmpegPath,
        ['-y', '-f', 'lavfi', '-i', 'color=c=red:s=128x128', '-frames:v', '1', image],
        { timeoutMs: 30_000 },
      );
      expect(made.exitCode).toBe(0);
      const created = await kling('/v1/videos/image2video', {
        body: {
          model_name: 'kling-v2-5-turbo',
          prompt: 'it starts to move',
          duration: '5',
          image: (await readFile(image)).toString('base64'),
        },
      });
      expect(created.body.code).toBe(0);
      const taskId = created.body.data.task_id as string;
      const wrongPath = await kling(`/v1/videos/text2video/${taskId}`);
      expect(wrongPath.status).toBe(404);
      const task = await pollUntilDone(`/v1/videos/image2video/${taskId}`);
      expect(task.task_status).toBe('succeed');
    },
  );

  it('refuses a data: URL image and a bad duration', async () => {
    const dataUrl = await kling('/v1/videos/image2video', {
      body: { model_name: 'kling-v2-5-turbo', image: 'data:image/png;base64,AAAA' },
    });
    expect(dataUrl).toMatchObject({ status: 400, body: { code: 1201 } });
    const duration = await kling('/v1/videos/text2video', {
      body: { model_name: 'kling-v2-5-turbo', prompt: 'x', duration: 5 },
    });
    expect(duration).toMatchObject({ status: 400, body: { code: 1201 } });
  });

  it('answers 401 in Kling shape for a wrong key, an expired token or none', async () => {
    const wrong = await kling('/v1/videos/text2video/x', { token: await jwt('ak', 'wrong') });
    expect(wrong).toMatchObject({ status: 401, body: { code: 1002 } });
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(emulatorApiKey)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(new TextEncoder().encode(emulatorApiKey));
    expect(await kling('/v1/videos/text2video/x', { token: expired })).toMatchObject({
      status: 401,
      body: { code: 1004 },
    });
    const none = await fetch(`${running.emulator.url}/v1/videos/text2video/x`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { code: number }).code).toBe(1001);
    // The newer plain API key is accepted as well.
    expect((await kling('/v1/videos/text2video/x', { token: emulatorApiKey })).status).toBe(404);
  });

  it('surfaces [moderate] as a content-security refusal and [429] as a rate limit', async () => {
    const refused = await kling('/v1/videos/text2video', {
      body: { model_name: 'kling-v2-5-turbo', prompt: 'something [moderate]' },
    });
    expect(refused).toMatchObject({ status: 400, body: { code: 1301 } });
    const limited = await fetch(`${running.emulator.url}/v1/videos/text2video`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await jwt()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model_name: 'kling-v2-5-turbo', prompt: 'busy [429]' }),
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(((await limited.json()) as { code: number }).code).toBe(1302);
  });

  it('fails a [moderate-output] task with a policy message', { timeout: 120_000 }, async () => {
    const created = await kling('/v1/videos/text2video', {
      body: { model_name: 'kling-v2-5-turbo', prompt: 'calm sea [moderate-output]' },
    });
    const task = await pollUntilDone(`/v1/videos/text2video/${created.body.data.task_id}`);
    expect(task.task_status).toBe('failed');
    expect(task.task_status_msg).toMatch(/Content policy violation/);
  });
});
