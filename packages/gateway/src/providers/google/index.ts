export { googleProvider } from './google-provider.js';
export { GoogleVideoModel, googleDefaultBaseURL } from './google-video-model.js';
export {
  googleCapabilities,
  googleModelIds,
  googleProviderName,
  isGoogleModelId,
} from './google-models.js';
export type { GoogleModelId } from './google-models.js';
export { googleOptionsSchema, parseGoogleOptions } from './google-options.js';
export type { GoogleOptions } from './google-options.js';
