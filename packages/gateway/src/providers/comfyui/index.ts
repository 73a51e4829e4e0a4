export { comfyuiProvider, parseComfyuiSettings } from './comfyui-provider.js';
export { ComfyuiVideoModel } from './comfyui-video-model.js';
export { comfyuiCapabilities, comfyuiModelId, comfyuiProviderName } from './comfyui-models.js';
export { comfyuiOptionsSchema, parseComfyuiOptions } from './comfyui-options.js';
export { workflowSchema, builtInPlaceholders } from './comfyui-workflow.js';
export type { Workflow } from './comfyui-workflow.js';
