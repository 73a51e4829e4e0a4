export { createLocalProvider } from './local-provider.js';
export type { LocalProvider, LocalProviderSettings } from './local-provider.js';
