import { NotFoundError } from '@vgw/spec';
import { parseProviderOptions } from '../provider-options-schema.js';
import type { ProviderDefinition, ProviderSettings } from '../provider-definition.js';
import { failureBilling } from '../failure-billing.js';
import { comfyuiCapabilities, comfyuiModelId, comfyuiProviderName } from './comfyui-models.js';
import { comfyuiBaseUrlVariable, ComfyuiVideoModel } from './comfyui-video-model.js';
import { comfyuiSettingsSchema, type ComfyuiSettings } from './comfyui-workflow.js';

/** The ComfyUI settings, or a configuration error naming the bad path. */
export function parseComfyuiSettings(options: Record<string, unknown>): ComfyuiSettings {
  return parseProviderOptions(comfyuiSettingsSchema, comfyuiProviderName, options);
}

function hasWorkflow(settings: ProviderSettings): boolean {
  const parsed = comfyuiSettingsSchema.safeParse(settings.options);
  return parsed.success && parsed.data.workflow != null;
}

/**
 * A self-hosted ComfyUI server (the "private instance" path): one model, `workflow`, whose
 * template comes from settings.options.workflow. Configured by a base URL, not a key.
 */
export const comfyuiProvider: ProviderDefinition = {
  id: comfyuiProviderName,
  displayName: 'ComfyUI (self-hosted)',
  environment: [{ setting: 'baseURL', variable: comfyuiBaseUrlVariable, required: true }],
  // A self-hosted ComfyUI bills nothing per render.
  billing: failureBilling({
    input_moderated: 'not_billed',
    output_moderated: 'not_billed',
    render_failed: 'not_billed',
    timed_out: 'not_billed',
    cancelled: 'not_billed',
  }),
  defaultBaseURL: 'http://127.0.0.1:8188',
  models: [{ modelId: comfyuiModelId, capabilities: comfyuiCapabilities }],
  isConfigured: (settings) =>
    settings.baseURL != null && settings.baseURL !== '' && hasWorkflow(settings),
  createModel(modelId, settings) {
    if (modelId !== comfyuiModelId) {
      throw new NotFoundError(
        `comfyui has no model "${modelId}"; it has "${comfyuiModelId}"`,
        'model',
      );
    }
    return new ComfyuiVideoModel(parseComfyuiSettings(settings.options), settings);
  },
};
