import type { ProviderSettings } from '../providers/provider-definition.js';
import { silentLogger } from '../provider-http/provider-logger.js';

/** Adapter-test settings: a fixed clock, no base URL override, quiet logs; tests pass the rest. */
export function providerTestSettings(
  overrides: Partial<ProviderSettings> & Pick<ProviderSettings, 'fetch'>,
): ProviderSettings {
  return {
    apiKey: 'test-key',
    secret: null,
    baseURL: null,
    now: () => 1_767_000_000_000,
    logger: silentLogger,
    options: {},
    maxRenderMs: 600_000,
    ...overrides,
  };
}
