import LumaAI from 'lumaai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorApiKey, startTestEmulator } from '../../test-support/emulated-provider.js';
import { lumaEmulator } from './luma-emulator.js';

let running: Awaited<ReturnType<typeof startTestEmulator>>;
let client: LumaAI;

beforeAll(async () => {
  running = await startTestEmulator(lumaEmulator);
  client = new LumaAI({
    authToken: emulatorApiKey,
    baseURL: `${running.emulator.url}/dream-machine/v1`,
    maxRetries: 0,
  });
});

afterAll(async () => {
  await running.close();
});

/** Polls like the SDK's README: `generations.get(id)` until the state settles. */
async function settle(id: string) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const generation = await client.generations.get(id);
    if (generation.state === 'completed' || generation.state === 'failed') return generation;
    if (Date.now() > deadline) throw new Error(`generation ${id} still ${generation.state}`);
    // Waiting on a real ffmpeg render in the emulator.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('luma emulator, driven by the official lumaai SDK', () => {
  it('creates, polls and serves a real MP4', { timeout: 120_000 }, async () => {
    const created = await client.generations.create({
      model: 'ray-flash-2',
      prompt: 'a lighthouse at dusk',
      aspect_ratio: '16:9',
      resolution: '540p',
      duration: '5s',
    });
    expect(created.state).toBe('queued');
    expect(created.id).toBeTruthy();
    const generation = await settle(created.id!);
    expect(generation.state).toBe('completed');
    expect(generation.request).toMatchObject({ model: 'ray-flash-2', duration: '5s' });
    const download = await fetch(generation.assets!.video!);
    expect(download.headers.get('content-type')).toBe('video/mp4');
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
  });

  it('reports a moderated prompt as a failed generation with a reason', async () => {
    const created = await client.generations.create({
      model: 'ray-2',
      prompt: 'a scene [moderate]',
    });
    const generation = await client.generations.get(created.id!);
    expect(generation.state).toBe('failed');
    expect(generation.failure_reason).toMatch(/content policy/);
  });

  it('refuses a wrong key with Luma 401 shape', async () => {
    const wrong = new LumaAI({
      authToken: 'wrong',
      baseURL: `${running.emulator.url}/dream-machine/v1`,
      maxRetries: 0,
    });
    const error = await wrong.generations.get('x').catch((caught) => caught);
    expect(error).toBeInstanceOf(LumaAI.AuthenticationError);
    expect(error.status).toBe(401);
    expect(error.error).toEqual({ detail: 'Invalid API key provided' });
  });

  it('answers 429 with Retry-After for [429] and deletes generations', async () => {
    const limited = await client.generations
      .create({ model: 'ray-2', prompt: 'busy [429]' })
      .catch((caught) => caught);
    expect(limited).toBeInstanceOf(LumaAI.RateLimitError);
    expect(limited.headers['retry-after']).toBe('1');
    const created = await client.generations.create({ model: 'ray-2', prompt: 'slow [never]' });
    await client.generations.delete(created.id!);
    const gone = await client.generations.get(created.id!).catch((caught) => caught);
    expect(gone).toBeInstanceOf(LumaAI.NotFoundError);
  });
});
