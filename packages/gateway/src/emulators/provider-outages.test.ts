import { afterEach, describe, expect, it } from 'vitest';
import template from '../providers/comfyui/__fixtures__/workflow-template.json' with { type: 'json' };
import { comfyuiProvider } from '../providers/comfyui/index.js';
import { falProvider } from '../providers/fal/index.js';
import { googleProvider } from '../providers/google/index.js';
import { klingProvider } from '../providers/kling/index.js';
import { lumaProvider } from '../providers/luma/index.js';
import { minimaxProvider } from '../providers/minimax/index.js';
import { openaiProvider } from '../providers/openai/index.js';
import type { ProviderDefinition } from '../providers/provider-definition.js';
import { replicateProvider } from '../providers/replicate/index.js';
import { runwayProvider } from '../providers/runway/index.js';
import { emulatorSettings, startTestEmulator } from '../testing/emulated-provider.js';
import { createTestGateway, type TestGateway } from '../testing/test-gateway.js';
import { comfyuiEmulator } from './comfyui/comfyui-emulator.js';
import type { EmulatorDefinition } from './emulator-definition.js';
import { falEmulator } from './fal/fal-emulator.js';
import { googleEmulator } from './google/google-emulator.js';
import { klingEmulator } from './kling/kling-emulator.js';
import { lumaEmulator } from './luma/luma-emulator.js';
import { minimaxEmulator } from './minimax/minimax-emulator.js';
import { openaiEmulator } from './openai/openai-emulator.js';
import { replicateEmulator } from './replicate/replicate-emulator.js';
import { runwayEmulator } from './runway/runway-emulator.js';

interface Case {
  provider: ProviderDefinition;
  emulator: EmulatorDefinition;
  modelId: string;
  request: { seconds: number; size: string };
  options?: Record<string, unknown>;
}

/** One adapter with the smallest request its model accepts (and the options it needs). */
function adapter(
  provider: ProviderDefinition,
  emulator: EmulatorDefinition,
  modelId: string,
  seconds: number,
  size: string,
  options?: Record<string, unknown>,
): Case {
  return {
    provider,
    emulator,
    modelId,
    request: { seconds, size },
    ...(options != null ? { options } : {}),
  };
}

/** Every adapter, with the smallest request its model accepts. */
const cases: Case[] = [
  adapter(openaiProvider, openaiEmulator, 'sora-2', 4, '1280x720'),
  adapter(runwayProvider, runwayEmulator, 'gen4.5', 2, '1280x720'),
  adapter(lumaProvider, lumaEmulator, 'ray-flash-2', 5, '1280x720'),
  adapter(googleProvider, googleEmulator, 'veo-3.0-fast-generate-001', 4, '1280x720'),
  adapter(klingProvider, klingEmulator, 'kling-v2-5-turbo', 5, '1280x720'),
  adapter(minimaxProvider, minimaxEmulator, 'MiniMax-Hailuo-02', 6, '1366x768'),
  adapter(falProvider, falEmulator, 'fal-ai/pika/v2.2/text-to-video', 5, '1280x720'),
  adapter(replicateProvider, replicateEmulator, 'kwaivgi/kling-v1.6-standard', 5, '720x720'),
  adapter(comfyuiProvider, comfyuiEmulator, 'workflow', 1, '320x240', {
    workflow: template,
    placeholders: { negative: 'blurry' },
  }),
];

async function createVideo(
  gateway: TestGateway,
  model: string,
  prompt: string,
  request: Case['request'],
) {
  const response = await gateway.app.request(
    '/v1/videos',
    gateway.authorized({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model, prompt, ...request }),
    }),
  );
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

/** A provider that is down, and one too slow for its time cap, through the gateway, for all nine. */
describe.each(cases)('$provider.id when the provider misbehaves', (testCase) => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });
  const modelName = `${testCase.provider.id}/${testCase.modelId}`;

  it('fails with a clear error when the provider is down, never stuck', async () => {
    const running = await startTestEmulator(testCase.emulator);
    const settings = emulatorSettings(running.emulator, { options: testCase.options ?? {} });
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
      options: testCase.options ?? {},
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
