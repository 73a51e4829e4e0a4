import { afterEach, describe, expect, it } from 'vitest';
import type { VideoCapabilities } from '@vgw/spec';
import { providerCatalog, type ProviderPlug } from '../assembly/provider-catalog.js';
import template from '../providers/comfyui/__fixtures__/workflow-template.json' with { type: 'json' };
import { emulatorSettings, startTestEmulator } from '../test-support/emulated-provider.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';

interface Case extends ProviderPlug {
  modelId: string;
  request: { seconds: number; size: string };
  options: Record<string, unknown>;
}

/** Settings a provider cannot run without, beyond its credentials (ComfyUI needs a workflow). */
const requiredOptions: Record<string, Record<string, unknown>> = {
  comfyui: { workflow: template, placeholders: { negative: 'blurry' } },
};

function shortestSeconds(durations: VideoCapabilities['durations']): number {
  return durations.kind === 'range' ? durations.min : Math.min(...durations.seconds);
}

/** Every catalog provider, with its first text-to-video model, its shortest duration and default size. */
const cases: Case[] = providerCatalog.map((plug) => {
  const declared = plug.provider.models.find((model) => model.capabilities.imageRequired !== true);
  if (declared == null) throw new Error(`${plug.provider.id} declares no text-to-video model`);
  return {
    ...plug,
    modelId: declared.modelId,
    request: {
      seconds: shortestSeconds(declared.capabilities.durations),
      size: declared.capabilities.defaultSize,
    },
    options: requiredOptions[plug.provider.id] ?? {},
  };
});

async function createVideo(
  gateway: TestGateway,
  model: string,
  prompt: string,
  request: Case['request'],
) {
  const response = await gateway.postVideo({ model, prompt, ...request });
  const body = (await response.json()) as Record<string, any>;
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body.id as string;
}

async function settle(gateway: TestGateway, id: string, timeoutMs = 60_000) {
  const worker = gateway.newWorker();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await gateway.drain(worker, 3);
    const video = (await (
      await gateway.app.request(`/v1/videos/${id}`, gateway.authorized())
    ).json()) as Record<string, any>;
    if (video.status === 'completed' || video.status === 'failed') return video;
    if (Date.now() > deadline) throw new Error(`still ${video.status}`);
    // Waiting on real time: the adapter's render cap is measured on the clock.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A provider that is down, and one too slow for its time cap, through the gateway, for each. */
describe.each(cases)('$provider.id when the provider misbehaves', (testCase) => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });
  const modelName = `${testCase.provider.id}/${testCase.modelId}`;

  it('fails with a clear error when the provider is down, never stuck', async () => {
    const running = await startTestEmulator(testCase.emulator);
    const settings = emulatorSettings(running.emulator, { options: testCase.options });
    await running.close();
    const model = testCase.provider.createModel(testCase.modelId, settings);
    const gateway = await createTestGateway('pglite', [model]);
    closers.push(() => gateway.dispose());
    const video = await settle(
      gateway,
      await createVideo(gateway, modelName, 'nobody home', testCase.request),
    );
    expect(video.status).toBe('failed');
    expect(video.error.code).toBe('start_failed');
    expect(video.error.message).toMatch(
      /after 3 attempts; last: .*(request failed|fetch failed|ECONNREFUSED)/,
    );
  }, 120_000);

  it('fails upstream_timeout when a render outlives the provider cap', async () => {
    const running = await startTestEmulator(testCase.emulator);
    closers.push(() => running.close());
    const settings = emulatorSettings(running.emulator, {
      options: testCase.options,
      maxRenderMs: 1500,
    });
    const gateway = await createTestGateway('pglite', [
      testCase.provider.createModel(testCase.modelId, settings),
    ]);
    closers.push(() => gateway.dispose());
    const video = await settle(
      gateway,
      await createVideo(gateway, modelName, 'forever [never]', testCase.request),
    );
    expect(video.status).toBe('failed');
    expect(video.error.code).toBe('upstream_timeout');
  }, 120_000);
});
