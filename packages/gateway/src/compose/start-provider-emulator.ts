import { join } from 'node:path';
import type { Config } from '../config/config-schema.js';
import { EmulatedRenderer } from '../emulators/emulated-renderer.js';
import { emulatorCatalog } from '../emulators/emulator-catalog.js';
import { startEmulator, type RunningEmulator } from '../emulators/start-emulator.js';
import { createLocalProvider } from '../providers/local/local-provider.js';
import { bundledBinaryPaths } from './build-video-models.js';

export class UnknownEmulatorError extends Error {
  override name = 'UnknownEmulatorError';
}

export function emulatedProviders(): string[] {
  return emulatorCatalog.map((definition) => definition.provider);
}

/** A provider's API on 127.0.0.1, rendering with the local engine under the data dir. */
export async function startProviderEmulator(
  config: Config,
  provider: string,
  options: { port: number; apiKey: string },
): Promise<RunningEmulator> {
  const definition = emulatorCatalog.find((each) => each.provider === provider);
  if (definition == null) {
    throw new UnknownEmulatorError(
      `no emulator for "${provider}"; available: ${emulatedProviders().join(', ') || '(none)'}`,
    );
  }
  const bundled = bundledBinaryPaths();
  const local = createLocalProvider({
    ffmpegPath: config.engines.local.ffmpegPath ?? bundled.ffmpegPath,
    ffprobePath: config.engines.local.ffprobePath ?? bundled.ffprobePath,
    workDir: join(config.dataDir, 'emulator-renders', provider),
    renderTimeoutMs: config.engines.local.renderTimeoutSeconds * 1000,
    ...(config.engines.local.maxConcurrentRenders != null
      ? { maxConcurrentRenders: config.engines.local.maxConcurrentRenders }
      : {}),
  });
  const renderer = new EmulatedRenderer(local.videoModel('local'));
  return startEmulator(definition, { renderer, apiKey: options.apiKey, port: options.port });
}
