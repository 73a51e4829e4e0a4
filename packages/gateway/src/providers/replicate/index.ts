export { replicateProvider } from './replicate-provider.js';
export { ReplicateVideoModel } from './replicate-video-model.js';
export { knownReplicateModels, replicateProviderName } from './replicate-models.js';
export type { ReplicateModelSpec } from './replicate-models.js';
export { replicateModelSpecs } from './replicate-settings.js';
export { parseReplicateOptions, replicateOptionsSchema } from './replicate-options.js';
