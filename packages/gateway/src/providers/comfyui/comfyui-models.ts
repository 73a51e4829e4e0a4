import type { VideoCapabilities } from '@vgw/spec';

export const comfyuiProviderName = 'comfyui';
export const comfyuiModelId = 'workflow';

/**
 * The configured workflow. Capabilities are permissive: what a workflow can render depends on
 * its nodes (LTX-Video, Wan, Hunyuan…), which the gateway cannot know; the workflow receives
 * the request's values through its placeholders.
 */
export const comfyuiCapabilities: VideoCapabilities = {
  durations: { kind: 'range', min: 1, max: 60, step: 1 },
  defaultSeconds: 4,
  sizes: { kind: 'range', minWidth: 64, minHeight: 64, maxWidth: 4096, maxHeight: 4096 },
  defaultSize: '768x512',
  fps: { min: 1, max: 120, default: 24 },
  seed: true,
  audio: false,
  imageInput: false,
  maxPromptLength: 20_000,
  price: {
    currency: 'USD',
    microUsdPerSecond: 0,
    source: 'self-hosted ComfyUI: no per-render charge (providers.md §10.4)',
    asOf: '2026-11-25',
  },
};
