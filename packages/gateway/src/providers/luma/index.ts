export { lumaProvider } from './luma-provider.js';
export { LumaVideoModel } from './luma-video-model.js';
export { lumaCapabilities, lumaModelIds, lumaSizes } from './luma-models.js';
export type { LumaModelId } from './luma-models.js';
export { lumaOptionsSchema, parseLumaOptions } from './luma-options.js';
