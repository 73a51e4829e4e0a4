import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { providerCatalog } from '../assembly/provider-catalog.js';
import { emulatorSettings, startTestEmulator } from '../test-support/emulated-provider.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';

function plug(id: string) {
  const found = providerCatalog.find((each) => each.provider.id === id);
  if (found == null) throw new Error(`no provider ${id} in the catalog`);
  const model = found.provider.models.find((each) => each.capabilities.imageRequired !== true);
  return { ...found, modelId: model!.modelId, name: `${id}/${model!.modelId}` };
}

async function settle(gateway: TestGateway, id: string, timeoutMs = 90_000) {
  const worker = gateway.newWorker();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await gateway.drain(worker, 3);
    const response = await gateway.app.request(`/v1/videos/${id}`, gateway.authorized());
    const video = (await response.json()) as Record<string, any>;
    if (video.status === 'completed' || video.status === 'failed') return video;
    if (Date.now() > deadline) throw new Error(`video ${id} still ${video.status}`);
    // Waiting on real renders in the emulator and real start backoff, not simulating time.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The issue's promise end to end: two providers' emulators over loopback HTTP, the first one
 * down, and a route that still delivers a playable video, with both attempts on record.
 */
describe.each(testDatabaseKinds())('a route surviving an outage on %s', (kind) => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  it('renders on the second provider when the first is down', async () => {
    const runway = plug('runway');
    const luma = plug('luma');
    const downEmulator = await startTestEmulator(runway.emulator);
    const downSettings = emulatorSettings(downEmulator.emulator);
    await downEmulator.close();
    const upEmulator = await startTestEmulator(luma.emulator);
    closers.push(() => upEmulator.close());
    const gateway = await createTestGateway(
      kind,
      [
        runway.provider.createModel(runway.modelId, downSettings),
        luma.provider.createModel(luma.modelId, emulatorSettings(upEmulator.emulator)),
      ],
      {
        allowLoopbackDownloads: true,
        routes: { hero: { targets: [{ model: runway.name }, { model: luma.name }] } },
      },
    );
    closers.push(() => gateway.dispose());
    const server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: gateway.app.fetch, hostname: '127.0.0.1', port: 0 }, () =>
        resolve(started),
      );
    });
    closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    // The official client, unchanged, names the route as its model.
    const client = new OpenAI({
      apiKey: gateway.apiKey,
      baseURL: `http://127.0.0.1:${port}/v1`,
      maxRetries: 0,
    });
    const created = await client.videos.create({ model: 'hero' as never, prompt: 'a lighthouse' });
    expect(created.model).toBe('hero');
    const video = await settle(gateway, created.id);
    expect(video.status, JSON.stringify(video.error)).toBe('completed');
    expect(video.provider).toBe('luma');
    expect(
      video.attempts.map((attempt: Record<string, any>) => [attempt.model, attempt.status]),
    ).toEqual([
      [runway.name, 'failed'],
      [luma.name, 'completed'],
    ]);
    expect(video.attempts[0].error.code).toBe('start_failed');
    expect(video.attempts[0].cost_usd).toBe('0.000000');
    const content = await client.videos.downloadContent(created.id);
    const bytes = new Uint8Array(await content.arrayBuffer());
    expect(bytes.byteLength).toBeGreaterThan(1000);
    expect(new TextDecoder().decode(bytes.subarray(4, 8))).toBe('ftyp');
  }, 180_000);
});
