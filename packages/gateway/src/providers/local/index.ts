export { createLocalProvider } from './local-provider.js';
export type { LocalProvider, LocalProviderSettings } from './local-provider.js';
export { LocalVideoModel } from './local-video-model.js';
export {
  isLocalModelId,
  localCapabilities,
  localModelIds,
  localProviderName,
} from './local-models.js';
export type { LocalModelId } from './local-models.js';
export { localOptionsSchema, parseLocalOptions, sceneNames } from './local-options.js';
export type { LocalOptions, SceneName } from './local-options.js';
export { buildRenderPlan, chooseScene } from './render-plan.js';
export type { RenderPlan, RenderPlanInput } from './render-plan.js';
export { renderOperationSchema } from './render-operation.js';
export type { RenderOperation } from './render-operation.js';
export { canDrawText } from './drawtext-support.js';
