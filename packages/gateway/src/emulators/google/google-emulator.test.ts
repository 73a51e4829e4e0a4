import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GoogleGenAI, type GenerateVideosOperation } from '@google/genai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleProvider } from '../../providers/google/google-provider.js';
import {
  emulatorApiKey,
  emulatorSettings,
  startTestEmulator,
} from '../../test-support/emulated-provider.js';
import { googleEmulator } from './google-emulator.js';

const model = 'veo-3.0-fast-generate-001';

async function untilDone(ai: GoogleGenAI, started: GenerateVideosOperation) {
  let operation = started;
  const deadline = Date.now() + 90_000;
  while (operation.done !== true) {
    if (Date.now() > deadline) throw new Error(`operation ${operation.name} never finished`);
    // Polling a real (small) ffmpeg render in the emulator.
    await new Promise((resolve) => setTimeout(resolve, 200));
    operation = await ai.operations.getVideosOperation({ operation });
  }
  return operation;
}

describe('google emulator driven by @google/genai', () => {
  let running: Awaited<ReturnType<typeof startTestEmulator>>;
  let ai: GoogleGenAI;
  let downloads: string;

  beforeAll(async () => {
    running = await startTestEmulator(googleEmulator);
    ai = new GoogleGenAI({
      apiKey: emulatorApiKey,
      httpOptions: { baseUrl: running.emulator.url },
    });
    downloads = await mkdtemp(join(tmpdir(), 'vgw-google-sdk-'));
  });
  afterAll(async () => {
    await running.close();
    await rm(downloads, { recursive: true, force: true });
  });

  it('generates, polls and downloads a real MP4', { timeout: 120_000 }, async () => {
    const started = await ai.models.generateVideos({
      model,
      prompt: 'a paper boat on a pond',
      config: { durationSeconds: 4, aspectRatio: '16:9', resolution: '720p', numberOfVideos: 1 },
    });
    expect(started.name).toMatch(new RegExp(`^models/${model}/operations/[0-9a-f-]+$`));
    const done = await untilDone(ai, started);
    expect(done.error).toBeUndefined();
    const generated = done.response?.generatedVideos?.[0];
    const uri = generated?.video?.uri ?? '';
    expect(uri).toMatch(/\/v1beta\/files\/[a-z0-9]+:download\?alt=media$/);

    // ai.files.download only parses https:// URIs, so it gets the file name (files/<id>).
    const fileName = `files/${/files\/([a-z0-9]+):download/.exec(uri)?.[1]}`;
    const downloadPath = join(downloads, 'sdk.mp4');
    await ai.files.download({ file: fileName, downloadPath });
    const bytes = await readFile(downloadPath);
    expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');

    // The uri itself works with the key, and not without it.
    const keyed = await fetch(uri, { headers: { 'x-goog-api-key': emulatorApiKey } });
    expect(keyed.status).toBe(200);
    expect(
      Buffer.from(await keyed.arrayBuffer())
        .subarray(4, 8)
        .toString('latin1'),
    ).toBe('ftyp');
    expect((await fetch(uri)).status).toBe(403);
  });

  it('reports [moderate] as a finished operation with filtered media and no video', async () => {
    const started = await ai.models.generateVideos({
      model,
      prompt: 'something [moderate]',
      config: { durationSeconds: 4 },
    });
    const done = await untilDone(ai, started);
    expect(done.response?.generatedVideos).toBeUndefined();
    expect(done.response?.raiMediaFilteredCount).toBe(1);
    expect(done.response?.raiMediaFilteredReasons?.[0]).toMatch(/prompt/);
  });

  it('surfaces [fail] as the operation error and [429] as an SDK ApiError', async () => {
    const started = await ai.models.generateVideos({
      model,
      prompt: 'a kite [fail]',
      config: { durationSeconds: 4 },
    });
    const done = await untilDone(ai, started);
    expect(done.error).toMatchObject({ code: 13, status: 'INTERNAL' });
    await expect(
      ai.models.generateVideos({ model, prompt: 'busy [429]', config: { durationSeconds: 4 } }),
    ).rejects.toMatchObject({ status: 429 });
  }, 120_000);

  it('refuses a wrong key with 400 API_KEY_INVALID and no key with 403', async () => {
    const wrong = new GoogleGenAI({
      apiKey: 'wrong-key',
      httpOptions: { baseUrl: running.emulator.url },
    });
    const error: unknown = await wrong.models.generateVideos({ model, prompt: 'x' }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ status: 400 });
    expect((error as Error).message).toContain('API_KEY_INVALID');
    const anonymous = await fetch(
      `${running.emulator.url}/v1beta/models/${model}:predictLongRunning`,
      { method: 'POST', body: '{}' },
    );
    expect(anonymous.status).toBe(403);
    expect(await anonymous.json()).toMatchObject({
      error: { code: 403, status: 'PERMISSION_DENIED' },
    });
  });

  it(
    "renders the adapter's image-to-video request (inline base64 image)",
    { timeout: 120_000 },
    async () => {
      const image = join(downloads, 'first-frame.png');
      await writeFile(image, Buffer.from(onePixelPng, 'base64'));
      const model = googleProvider.createModel(
        'veo-3.1-fast-generate-preview',
        emulatorSettings(running.emulator),
      );
      const started = await model.doStart({
        prompt: 'the frame comes alive',
        seconds: 4,
        width: 720,
        height: 1280,
        fps: 24,
        seed: null,
        inputReference: { path: image, mediaType: 'image/png' },
        idempotencyKey: 'unused',
        providerOptions: {},
      });
      const job = running.renderer.get(
        String((started.operation as { name: string }).name.split('/').pop()),
      );
      expect(job?.request).toMatchObject({ width: 360, height: 640, seconds: 4 });
      expect(job?.request.imagePath).toMatch(/\.png$/);
      let status = await model.doStatus({ operation: started.operation });
      while (status.status === 'pending') {
        await new Promise((resolve) => setTimeout(resolve, 200));
        status = await model.doStatus({ operation: started.operation });
      }
      expect(status.status).toBe('completed');
      const url =
        status.status === 'completed' && status.videos[0]?.kind === 'url'
          ? status.videos[0].url
          : '';
      expect(url).toContain(`key=${emulatorApiKey}`);
      const downloaded = await fetch(url);
      expect(
        Buffer.from(await downloaded.arrayBuffer())
          .subarray(4, 8)
          .toString('latin1'),
      ).toBe('ftyp');
    },
  );
});

const onePixelPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
