export { openaiProvider } from './openai-provider.js';
export { OpenaiVideoModel } from './openai-video-model.js';
export { openaiCapabilities, openaiModelIds, openaiProviderName } from './openai-models.js';
export type { OpenaiModelId } from './openai-models.js';
export { openaiOptionsSchema, parseOpenaiOptions } from './openai-options.js';
export type { OpenaiOptions } from './openai-options.js';
