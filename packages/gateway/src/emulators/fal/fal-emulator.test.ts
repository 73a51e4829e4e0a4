import { ApiError, createFalClient, ValidationError, type FalClient } from '@fal-ai/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorApiKey, startTestEmulator } from '../../test-support/emulated-provider.js';
import { falEmulator } from './fal-emulator.js';

const textToVideo = 'fal-ai/pika/v2.2/text-to-video';
let running: Awaited<ReturnType<typeof startTestEmulator>>;
let client: FalClient;

/** The official client pointed at the emulator: its middleware rewrites fal's queue host. */
function clientWith(credentials: string): FalClient {
  return createFalClient({
    credentials,
    requestMiddleware: async (request) => ({
      ...request,
      url: request.url.replace('https://queue.fal.run', running.emulator.url),
    }),
    retry: { maxRetries: 0 },
  });
}

beforeAll(async () => {
  running = await startTestEmulator(falEmulator);
  client = clientWith(emulatorApiKey);
});

afterAll(async () => {
  await running.close();
});

async function waitForCompletion(requestId: string) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const status = await client.queue.status(textToVideo, { requestId });
    if (status.status === 'COMPLETED') return status;
    if (Date.now() > deadline) throw new Error(`request ${requestId} still ${status.status}`);
    // Waiting on a real ffmpeg render in the emulator.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('fal emulator, driven by the official @fal-ai/client', () => {
  it(
    'submits, polls status, reads the result and serves a real MP4',
    { timeout: 120_000 },
    async () => {
      const submitted = await client.queue.submit(textToVideo, {
        input: {
          prompt: 'a lighthouse at dusk',
          resolution: '720p',
          duration: '5',
          aspect_ratio: '16:9',
          seed: 3,
        },
      });
      expect(submitted.status).toBe('IN_QUEUE');
      expect(submitted.status_url).toBe(
        `${running.emulator.url}/fal-ai/pika/requests/${submitted.request_id}/status`,
      );
      await waitForCompletion(submitted.request_id);
      const result = await client.queue.result(textToVideo, { requestId: submitted.request_id });
      expect(result.requestId).toBe(submitted.request_id);
      const video = (result.data as { video: { url: string; content_type: string } }).video;
      expect(video.content_type).toBe('video/mp4');
      const bytes = Buffer.from(await (await fetch(video.url)).arrayBuffer());
      expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
    },
  );

  it('surfaces a moderated prompt as the SDK ValidationError with a content_policy_violation', async () => {
    const submitted = await client.queue.submit(textToVideo, {
      input: { prompt: 'a scene [moderate]' },
    });
    await waitForCompletion(submitted.request_id);
    const error = await client.queue
      .result(textToVideo, { requestId: submitted.request_id })
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.status).toBe(422);
    expect(error.fieldErrors[0]).toMatchObject({
      loc: ['body', 'prompt'],
      type: 'content_policy_violation',
    });
  });

  it('refuses a wrong key, rate-limits [429] and cancels a queued request', async () => {
    const denied = await clientWith('wrong')
      .queue.submit(textToVideo, { input: { prompt: 'x' } })
      .catch((caught) => caught);
    expect(denied).toBeInstanceOf(ApiError);
    expect(denied.status).toBe(401);
    const limited = await client.queue
      .submit(textToVideo, { input: { prompt: 'busy [429]' } })
      .catch((caught) => caught);
    expect(limited.status).toBe(429);
    const slow = await client.queue.submit(textToVideo, { input: { prompt: 'slow [never]' } });
    await client.queue.cancel(textToVideo, { requestId: slow.request_id });
    const status = await client.queue.status(textToVideo, { requestId: slow.request_id });
    expect(status).toMatchObject({ status: 'COMPLETED', error: 'Request was cancelled' });
  });

  it('rejects invalid Pika input with a 422 naming the field', async () => {
    const error = await client.queue
      .submit(textToVideo, { input: { prompt: 'x', duration: '7' as '5' } })
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.getFieldErrors('duration')).toHaveLength(1);
  });
});
