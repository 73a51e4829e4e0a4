import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VideoModelV1 } from '@vgw/spec';
import { bundledBinaryPaths } from '../media/bundled-binaries.js';
import { EmulatedRenderer } from '../emulators/emulated-renderer.js';
import type { EmulatorDefinition } from '../emulators/emulator-definition.js';
import { startEmulator, type RunningEmulator } from '../emulators/start-emulator.js';
import type { ProviderDefinition, ProviderSettings } from '../providers/provider-definition.js';
import { createLocalProvider } from '../providers/local/index.js';
import type { TestDatabaseKind } from './test-databases.js';
import { createTestGateway, silentLogger, type TestGateway } from './test-gateway.js';

export const emulatorApiKey = 'emulator-test-key';

/** An emulator backed by the real local engine, on a free loopback port. */
export async function startTestEmulator(definition: EmulatorDefinition) {
  const workDir = await mkdtemp(join(tmpdir(), 'vgw-emulator-'));
  const local = createLocalProvider({ ...bundledBinaryPaths(), workDir, renderTimeoutMs: 60_000 });
  const renderer = new EmulatedRenderer(local.videoModel('local'));
  const emulator = await startEmulator(definition, { renderer, apiKey: emulatorApiKey });
  return {
    emulator,
    renderer,
    async close() {
      await emulator.close();
      await renderer.close();
      // A killed render may still be tearing down for a moment: retry a directory not yet empty.
      await rm(workDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

export function emulatorSettings(
  emulator: RunningEmulator,
  overrides: Partial<ProviderSettings> = {},
): ProviderSettings {
  return {
    apiKey: emulatorApiKey,
    secret: emulatorApiKey,
    baseURL: emulator.url,
    fetch,
    now: Date.now,
    logger: silentLogger,
    options: {},
    maxRenderMs: 120_000,
    ...overrides,
  };
}

export interface EmulatedGateway {
  gateway: TestGateway;
  model: VideoModelV1;
  emulator: RunningEmulator;
  /** Runs the worker until the video is completed or failed (real renders take real time). */
  settle(videoId: string, timeoutMs?: number): Promise<Record<string, any>>;
  close(): Promise<void>;
}

/** The gateway with one provider configured against its emulator, over real loopback HTTP. */
export async function emulatedGateway(
  kind: TestDatabaseKind,
  provider: ProviderDefinition,
  emulatorDefinition: EmulatorDefinition,
  modelId: string,
): Promise<EmulatedGateway> {
  const running = await startTestEmulator(emulatorDefinition);
  const model = provider.createModel(modelId, emulatorSettings(running.emulator));
  // The emulator serves its outputs on 127.0.0.1: only loopback is let through the checks.
  const gateway = await createTestGateway(kind, [model], { allowLoopbackDownloads: true });
  const worker = gateway.newWorker();
  return {
    gateway,
    model,
    emulator: running.emulator,
    async settle(videoId, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await gateway.drain(worker, 3);
        const response = await gateway.app.request(`/v1/videos/${videoId}`, gateway.authorized());
        const video = (await response.json()) as Record<string, any>;
        if (video.status === 'completed' || video.status === 'failed') return video;
        if (Date.now() > deadline)
          throw new Error(`video ${videoId} still ${video.status} after ${timeoutMs} ms`);
        // Waiting on a real ffmpeg render in the emulator, not simulating time.
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      await gateway.dispose();
      await running.close();
    },
  };
}
