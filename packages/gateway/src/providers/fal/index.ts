export { falModelsFor, falProvider } from './fal-provider.js';
export { FalVideoModel } from './fal-video-model.js';
export { falAppPath, isFalEndpointId } from './fal-endpoint-id.js';
export { pikaCapabilitiesById, pikaEndpointIds, pikaSizes } from './fal-models.js';
export { falOptionsSchema, parseFalOptions } from './fal-options.js';
export { falEndpoints, falSettingsSchema } from './fal-settings.js';
export type { FalEndpoint } from './fal-settings.js';
