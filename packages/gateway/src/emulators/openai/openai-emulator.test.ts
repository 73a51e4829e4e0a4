import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorApiKey, startTestEmulator } from '../../test-support/emulated-provider.js';
import { openaiEmulator } from './openai-emulator.js';

const perTest = { timeout: 120_000 };

/** The official openai package (v6), unchanged, against the emulator. */
describe('openai emulator with the openai SDK', () => {
  let running: Awaited<ReturnType<typeof startTestEmulator>>;
  let client: OpenAI;

  beforeAll(async () => {
    running = await startTestEmulator(openaiEmulator);
    client = new OpenAI({
      apiKey: emulatorApiKey,
      baseURL: `${running.emulator.url}/v1`,
      maxRetries: 0,
    });
  });

  afterAll(async () => {
    await running.close();
  });

  async function settle(id: string): Promise<OpenAI.Videos.Video> {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const video = await client.videos.retrieve(id);
      if (video.status === 'completed' || video.status === 'failed') return video;
      if (Date.now() > deadline) throw new Error(`video ${id} still ${video.status}`);
      // Waiting on a real ffmpeg render in the emulator.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('creates, polls, downloads an MP4 and a thumbnail, lists and deletes', perTest, async () => {
    const created = await client.videos.create({
      model: 'sora-2',
      prompt: 'a paper boat on a rainy street',
      seconds: '4',
      size: '720x1280',
    });
    expect(created).toMatchObject({
      object: 'video',
      model: 'sora-2',
      status: 'queued',
      seconds: '4',
      size: '720x1280',
      error: null,
    });
    expect(created.id).toMatch(/^video_/);

    const done = await settle(created.id);
    expect(done.status).toBe('completed');
    expect(done.progress).toBe(100);
    expect(done.completed_at).not.toBeNull();

    const content = await client.videos.downloadContent(created.id);
    const bytes = Buffer.from(await content.arrayBuffer());
    expect(bytes.subarray(4, 8).toString('ascii')).toBe('ftyp');
    const thumbnail = await client.videos.downloadContent(created.id, { variant: 'thumbnail' });
    expect(thumbnail.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await thumbnail.arrayBuffer()).subarray(0, 2)).toEqual(
      Buffer.from([0xff, 0xd8]),
    );

    const page = await client.videos.list({ limit: 10 });
    expect(page.data.map((video) => video.id)).toContain(created.id);

    const deleted = await client.videos.delete(created.id);
    expect(deleted).toEqual({ id: created.id, object: 'video.deleted', deleted: true });
    await expect(client.videos.retrieve(created.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('accepts an input_reference file upload', perTest, async () => {
    // A 1x1 PNG: the emulator only needs a readable image.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
      'base64',
    );
    const created = await client.videos.create({
      prompt: 'a kite rising',
      input_reference: await toFile(png, 'frame.png', { type: 'image/png' }),
    });
    expect(created.status).toBe('queued');
    expect((await settle(created.id)).status).toBe('completed');
  });

  it('refuses a moderated prompt as the SDK error with code and param', async () => {
    const refused = client.videos.create({ prompt: 'something [moderate]' });
    await expect(refused).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    await expect(refused).rejects.toMatchObject({
      status: 400,
      code: 'moderation_blocked',
      param: 'prompt',
    });
  });

  it('fails a video whose output is moderated', perTest, async () => {
    const created = await client.videos.create({ prompt: 'a storm [moderate-output]' });
    const failed = await settle(created.id);
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('moderation_blocked');
  });

  it('answers rate limits, bad keys and bad parameters in OpenAI shapes', async () => {
    const limited = client.videos.create({ prompt: 'busy [429]' });
    await expect(limited).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    await expect(limited).rejects.toMatchObject({ code: 'rate_limit_exceeded' });

    const stranger = new OpenAI({ apiKey: 'sk-wrong', baseURL: client.baseURL, maxRetries: 0 });
    await expect(stranger.videos.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);

    await expect(
      client.videos.create({ prompt: 'x', model: 'sora-2', size: '1792x1024' }),
    ).rejects.toMatchObject({ status: 400, param: 'size' });
    await expect(client.videos.create({ prompt: 'x', seconds: '5' as '4' })).rejects.toMatchObject({
      status: 400,
      param: 'seconds',
    });
  });

  it('also accepts a JSON create body', perTest, async () => {
    const response = await fetch(`${running.emulator.url}/v1/videos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulatorApiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'a lantern', model: 'sora-2-pro', size: '1792x1024' }),
    });
    expect(response.status).toBe(200);
    const created = (await response.json()) as OpenAI.Videos.Video;
    expect(created).toMatchObject({
      object: 'video',
      model: 'sora-2-pro',
      size: '1792x1024',
      seconds: '4',
    });
    // Settled so that no render is still writing when the emulator's work directory is removed.
    expect((await settle(created.id)).status).toBe('completed');
  });
});
