import type { VideoCapabilities, VideoPrice } from '@vgw/spec';

export const openaiProviderName = 'openai';

export const openaiModelIds = ['sora-2', 'sora-2-pro'] as const;
export type OpenaiModelId = (typeof openaiModelIds)[number];

/**
 * Prices: OpenAI's Sora 2 launch pricing (2025-10-07) as summarised by help.apiyi.com and
 * cometapi.com, read 2026 (providers.md §1.6); not re-verified on openai.com/pricing.
 * Durations and sizes: the `VideoSeconds` / `VideoSize` enums of openai-node 6.30.1
 * (`resources/videos.d.ts`). The guide also mentions 16/20 s and 1080p for sora-2-pro, but the SDK
 * enums lag and no price for 1080p is on record, so they are left out until verified.
 * fps: Sora does not take one; 30 is what the API delivers [UNVERIFIED], so only 30 is accepted.
 * maxPromptLength: OpenAI documents no limit; 4000 characters is a conservative guess.
 */
function capabilities(sizes: string[], price: Omit<VideoPrice, 'currency' | 'source' | 'asOf'>) {
  const result: VideoCapabilities = {
    durations: { kind: 'set', seconds: [4, 8, 12] },
    defaultSeconds: 4,
    sizes: { kind: 'set', values: sizes },
    defaultSize: '720x1280',
    fps: { values: [30], default: 30 },
    seed: false,
    // Sora always renders a soundtrack; there is no switch.
    audio: true,
    imageInput: true,
    maxPromptLength: 4000,
    price: {
      currency: 'USD',
      ...price,
      source: 'OpenAI Sora 2 launch pricing (2025-10-07) via help.apiyi.com / cometapi.com (3P)',
      asOf: '2026-11-25',
    },
  };
  return result;
}

export const openaiCapabilities: Record<OpenaiModelId, VideoCapabilities> = {
  'sora-2': capabilities(['720x1280', '1280x720'], { microUsdPerSecond: 100_000 }),
  'sora-2-pro': capabilities(['720x1280', '1280x720', '1024x1792', '1792x1024'], {
    microUsdPerSecond: 300_000,
    bySize: {
      '720x1280': 300_000,
      '1280x720': 300_000,
      '1024x1792': 500_000,
      '1792x1024': 500_000,
    },
  }),
};

export function isOpenaiModelId(modelId: string): modelId is OpenaiModelId {
  return (openaiModelIds as readonly string[]).includes(modelId);
}

/** Dated snapshots a request may pin through `provider_options.openai.snapshot`. */
export const openaiSnapshots: Record<OpenaiModelId, readonly string[]> = {
  'sora-2': ['sora-2-2025-10-06', 'sora-2-2025-12-08'],
  'sora-2-pro': ['sora-2-pro-2025-10-06'],
};
