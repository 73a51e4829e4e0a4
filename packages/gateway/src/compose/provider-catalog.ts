import type { ProviderDefinition } from '../providers/provider-definition.js';

/** Every remote adapter the gateway knows; each is configured by its credentials. */
export const providerCatalog: ProviderDefinition[] = [];
