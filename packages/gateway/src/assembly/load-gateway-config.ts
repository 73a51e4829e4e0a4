import type { Config } from '../config/config-schema.js';
import { loadConfig, type LoadConfigOptions } from '../config/load-config.js';
import { providerEnvironmentKeys } from './provider-catalog.js';

export type LoadGatewayConfigOptions = Omit<LoadConfigOptions, 'providerVariables'>;

/** The config with every catalog provider's environment variables honoured. */
export function loadGatewayConfig(options: LoadGatewayConfigOptions): Promise<Config> {
  return loadConfig({ ...options, providerVariables: providerEnvironmentKeys() });
}
