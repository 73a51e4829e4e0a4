import type { VideoCapabilities } from '@vgw/spec';

export const localProviderName = 'local';

export const localModelIds = ['local'] as const;
export type LocalModelId = (typeof localModelIds)[number];

/** What the offline ffmpeg engine renders; the gateway checks requests against this data. */
export const localCapabilities: Record<LocalModelId, VideoCapabilities> = {
  local: {
    durations: { kind: 'range', min: 1, max: 20, step: 1 },
    defaultSeconds: 4,
    // Landscape and portrait up to 1080p (OpenAI's default size is the portrait 720x1280).
    sizes: {
      kind: 'range',
      minWidth: 64,
      minHeight: 64,
      maxWidth: 1920,
      maxHeight: 1920,
      maxPixels: 1920 * 1080,
    },
    defaultSize: '1280x720',
    fps: { min: 1, max: 60, default: 24 },
    seed: true,
    audio: false,
    imageInput: true,
    maxPromptLength: 4000,
    price: {
      currency: 'USD',
      microUsdPerSecond: 0,
      source: 'local render, no charge',
      asOf: '2026-11-25',
    },
  },
};

export function isLocalModelId(modelId: string): modelId is LocalModelId {
  return (localModelIds as readonly string[]).includes(modelId);
}
