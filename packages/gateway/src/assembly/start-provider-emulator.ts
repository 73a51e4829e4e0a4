import { join } from 'node:path';
import type { Config } from '../config/config-schema.js';
import { EmulatedRenderer } from '../emulators/emulated-renderer.js';
import { startEmulator, type RunningEmulator } from '../emulators/start-emulator.js';
import { createLocalProvider } from '../providers/local/index.js';
import { localProviderSettings } from './media-binaries.js';
import { providerCatalog } from './provider-catalog.js';

export class UnknownEmulatorError extends Error {
  override name = 'UnknownEmulatorError';
}

/** The providers `vgw emulate` serves: every one in the catalog. */
export function emulatedProviders(): string[] {
  return providerCatalog.map((plug) => plug.provider.id);
}

/** A provider's API on 127.0.0.1, rendering with the local engine under the data dir. */
export async function startProviderEmulator(
  config: Config,
  provider: string,
  options: { port: number; apiKey: string },
): Promise<RunningEmulator> {
  const definition = providerCatalog.find((plug) => plug.provider.id === provider)?.emulator;
  if (definition == null) {
    throw new UnknownEmulatorError(
      `no emulator for "${provider}"; available: ${emulatedProviders().join(', ') || '(none)'}`,
    );
  }
  const local = createLocalProvider(
    localProviderSettings(config, join(config.dataDir, 'emulator-renders', provider)),
  );
  const renderer = new EmulatedRenderer(local.videoModel('local'));
  return startEmulator(definition, { renderer, apiKey: options.apiKey, port: options.port });
}
