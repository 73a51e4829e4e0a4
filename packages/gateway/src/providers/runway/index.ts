export { runwayProvider } from './runway-provider.js';
export {
  RunwayVideoModel,
  runwayApiKeyVariable,
  runwayApiVersion,
  runwayDefaultBaseURL,
} from './runway-video-model.js';
export {
  isRunwayModelId,
  runwayCapabilities,
  runwayModelIds,
  runwayProviderName,
} from './runway-models.js';
export type { RunwayModelId } from './runway-models.js';
export { parseRunwayOptions, runwayOptionsSchema } from './runway-options.js';
export type { RunwayOptions } from './runway-options.js';
