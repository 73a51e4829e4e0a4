import { comfyuiEmulator } from '../emulators/comfyui/comfyui-emulator.js';
import type { EmulatorDefinition } from '../emulators/emulator-definition.js';
import { falEmulator } from '../emulators/fal/fal-emulator.js';
import { googleEmulator } from '../emulators/google/google-emulator.js';
import { klingEmulator } from '../emulators/kling/kling-emulator.js';
import { lumaEmulator } from '../emulators/luma/luma-emulator.js';
import { minimaxEmulator } from '../emulators/minimax/minimax-emulator.js';
import { openaiEmulator } from '../emulators/openai/openai-emulator.js';
import { replicateEmulator } from '../emulators/replicate/replicate-emulator.js';
import { runwayEmulator } from '../emulators/runway/runway-emulator.js';
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

/**
 * A remote provider and the emulator of its API. Emulators sit beside the gateway (they render
 * with the local engine), so a provider's definition cannot hold its own; this pairing does.
 */
export interface ProviderPlug {
  provider: ProviderDefinition;
  emulator: EmulatorDefinition;
}

/**
 * Every remote provider the gateway knows, in listing order. The registry, `vgw emulate`, CLI
 * help, `vgw engines`, the config's environment variables and the outage tests are all derived
 * from this list: adding a provider is its two folders plus one line here.
 */
export const providerCatalog: readonly ProviderPlug[] = [
  { provider: openaiProvider, emulator: openaiEmulator },
  { provider: runwayProvider, emulator: runwayEmulator },
  { provider: lumaProvider, emulator: lumaEmulator },
  { provider: googleProvider, emulator: googleEmulator },
  { provider: klingProvider, emulator: klingEmulator },
  { provider: minimaxProvider, emulator: minimaxEmulator },
  { provider: falProvider, emulator: falEmulator },
  { provider: replicateProvider, emulator: replicateEmulator },
  { provider: comfyuiProvider, emulator: comfyuiEmulator },
];

export function catalogProviders(catalog = providerCatalog): ProviderDefinition[] {
  return catalog.map((plug) => plug.provider);
}

/** Each provider's environment variables, mapped to the config key each sets (for config/). */
export function providerEnvironmentKeys(catalog = providerCatalog): Record<string, string[]> {
  const keys: Record<string, string[]> = {};
  for (const { provider } of catalog) {
    for (const { variable, setting } of provider.environment) {
      keys[variable] = ['providers', provider.id, setting];
    }
  }
  return keys;
}
