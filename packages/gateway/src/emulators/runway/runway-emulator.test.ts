import RunwayML, {
  AuthenticationError,
  BadRequestError,
  RateLimitError,
  TaskFailedError,
} from '@runwayml/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorApiKey, startTestEmulator } from '../../test-support/emulated-provider.js';
import { runwayEmulator } from './runway-emulator.js';

const pngDataUri =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

let running: Awaited<ReturnType<typeof startTestEmulator>>;
let client: RunwayML;

beforeAll(async () => {
  running = await startTestEmulator(runwayEmulator);
  // The SDK's own paths start at /v1, so the base URL is the emulator's root.
  client = new RunwayML({ apiKey: emulatorApiKey, baseURL: running.emulator.url, maxRetries: 0 });
});
afterAll(async () => running.close());

/** Polls like the SDK's waitForTaskOutput, without its 6 s pauses. */
async function pollUntilDone(id: string, limitMs = 60_000) {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const task = await client.tasks.retrieve(id);
    if (!['PENDING', 'THROTTLED', 'RUNNING'].includes(task.status) || Date.now() > deadline) {
      return task;
    }
    // Waiting on a real ffmpeg render in the emulator.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function expectMp4(url: string) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
}

describe('the Runway SDK against the runway emulator', () => {
  it('creates text to video, waits for the output and downloads an MP4', async () => {
    const task = await client.textToVideo
      .create({
        model: 'gen4.5',
        promptText: 'a lighthouse at dusk',
        ratio: '1280:720',
        duration: 2,
        seed: 0,
      })
      .waitForTaskOutput({ timeout: 90_000 });
    expect(task.status).toBe('SUCCEEDED');
    expect(task.output).toHaveLength(1);
    await expectMp4(task.output[0] as string);
  }, 120_000);

  it('creates image to video with a data URI and reports progress as a fraction', async () => {
    const created = await client.imageToVideo.create({
      model: 'gen4_turbo',
      promptImage: pngDataUri,
      promptText: 'the image comes alive',
      ratio: '960:960',
      duration: 5,
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    const first = await client.tasks.retrieve(created.id);
    expect(['PENDING', 'RUNNING', 'SUCCEEDED']).toContain(first.status);
    if (first.status === 'RUNNING') expect(first.progress).toBeLessThanOrEqual(1);
    const done = await pollUntilDone(created.id);
    expect(done.status).toBe('SUCCEEDED');
    if (done.status === 'SUCCEEDED') await expectMp4(done.output[0] as string);
  }, 120_000);

  it('surfaces [moderate] as a FAILED task with a SAFETY.INPUT code', async () => {
    const error = await client.textToVideo
      .create({ model: 'veo3.1', promptText: 'a cat [moderate]', ratio: '1280:720', duration: 4 })
      .waitForTaskOutput({ timeout: 30_000 })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TaskFailedError);
    const details = (error as TaskFailedError).taskDetails;
    expect(details).toMatchObject({ status: 'FAILED', failureCode: 'SAFETY.INPUT.TEXT' });
  }, 60_000);

  it('cancels a running task with tasks.delete', async () => {
    const created = await client.textToVideo.create({
      model: 'gen4.5',
      promptText: 'an endless render [never]',
      ratio: '720:1280',
      duration: 2,
    });
    await client.tasks.retrieve(created.id);
    await client.tasks.delete(created.id);
    expect((await client.tasks.retrieve(created.id)).status).toBe('CANCELLED');
  }, 60_000);

  it('answers [429] with a rate limit error and validation failures with 400', async () => {
    const limited = await client.textToVideo
      .create({ model: 'gen4.5', promptText: 'busy [429]', ratio: '1280:720', duration: 2 })
      .catch((thrown: unknown) => thrown);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as RateLimitError).headers?.get('retry-after')).toBe('1');
    const invalid = await client.textToVideo
      .create({
        model: 'gen4.5',
        promptText: 'square',
        ratio: '960:960' as '1280:720',
        duration: 2,
      })
      .catch((thrown: unknown) => thrown);
    expect(invalid).toBeInstanceOf(BadRequestError);
  });

  it('refuses a wrong key with 401 and a request without X-Runway-Version with 400', async () => {
    const stranger = new RunwayML({
      apiKey: 'wrong',
      baseURL: running.emulator.url,
      maxRetries: 0,
    });
    const denied = await stranger.tasks.retrieve('x').catch((thrown: unknown) => thrown);
    expect(denied).toBeInstanceOf(AuthenticationError);
    expect((denied as AuthenticationError).error).toMatchObject({ error: expect.any(String) });
    const unversioned = await fetch(`${running.emulator.url}/v1/tasks/x`, {
      headers: { authorization: `Bearer ${emulatorApiKey}` },
    });
    expect(unversioned.status).toBe(400);
    expect(await unversioned.json()).toMatchObject({
      error: expect.stringContaining('X-Runway-Version'),
    });
  });
});
