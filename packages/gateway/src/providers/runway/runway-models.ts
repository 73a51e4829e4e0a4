import type { VideoCapabilities } from '@vgw/spec';

export const runwayProviderName = 'runway';

export const runwayModelIds = ['gen4_turbo', 'gen4.5', 'veo3.1', 'veo3.1_fast'] as const;
export type RunwayModelId = (typeof runwayModelIds)[number];

/** Runway names sizes as `ratio` strings (`1280:720`); the gateway speaks `WxH`. */
export const ratioOf = (size: string): string => size.replace('x', ':');

const gen4Sizes = ['1280x720', '720x1280', '1104x832', '832x1104', '960x960', '1584x672'];
const veoSizes = ['1280x720', '720x1280', '1080x1920', '1920x1080'];

/** gen4.5's text_to_video endpoint accepts only these two of the sizes its image_to_video does. */
export const gen45TextSizes: readonly string[] = ['1280x720', '720x1280'];

// Prices are UNVERIFIED: from memory of Runway's API pricing in 2025 (credits at $0.01), per
// ../shared/design/providers.md §2.6; confirm on https://docs.dev.runwayml.com/guides/pricing.
const pricingSource = 'docs.dev.runwayml.com/guides/pricing (UNVERIFIED, from memory of 2025)';
const pricingDate = '2026-11-25';

const shared: Pick<VideoCapabilities, 'fps' | 'seed' | 'maxPromptLength'> = {
  fps: { values: [24], default: 24 },
  seed: true,
  // 1000 UTF-16 code units, which is what a JS string's length counts.
  maxPromptLength: 1000,
};

/** Per model, from the SDK's request unions (@runwayml/sdk 4.20, resources/*-to-video.ts). */
export const runwayCapabilities: Record<RunwayModelId, VideoCapabilities> = {
  // Image to video only: a text-only request is refused in doStart (see runway-request.ts).
  gen4_turbo: {
    ...shared,
    imageRequired: true,
    // The SDK types duration as any number; the docs list 5 and 10 (UNVERIFIED).
    durations: { kind: 'set', seconds: [5, 10] },
    defaultSeconds: 5,
    sizes: { kind: 'set', values: gen4Sizes },
    defaultSize: '1280x720',
    audio: false,
    imageInput: true,
    price: {
      currency: 'USD',
      microUsdPerSecond: 50_000, // 5 credits/s
      source: pricingSource,
      asOf: pricingDate,
    },
  },
  'gen4.5': {
    ...shared,
    durations: { kind: 'range', min: 2, max: 10, step: 1 },
    defaultSeconds: 5,
    sizes: { kind: 'set', values: gen4Sizes },
    defaultSize: '1280x720',
    audio: false,
    imageInput: true,
    price: {
      currency: 'USD',
      microUsdPerSecond: 120_000, // 12 credits/s
      source: pricingSource,
      asOf: pricingDate,
    },
  },
  'veo3.1': {
    ...shared,
    durations: { kind: 'set', seconds: [4, 6, 8] },
    defaultSeconds: 8,
    sizes: { kind: 'set', values: veoSizes },
    defaultSize: '1280x720',
    audio: true,
    imageInput: true,
    price: {
      currency: 'USD',
      microUsdPerSecond: 400_000, // 40 credits/s with audio; the upper bound
      source: pricingSource,
      asOf: pricingDate,
    },
  },
  'veo3.1_fast': {
    ...shared,
    durations: { kind: 'set', seconds: [4, 6, 8] },
    defaultSeconds: 8,
    sizes: { kind: 'set', values: veoSizes },
    defaultSize: '1280x720',
    audio: true,
    imageInput: true,
    price: {
      currency: 'USD',
      // §2.6 gives one Veo figure (40 credits/s with audio); the fast tier is likely cheaper, so
      // this over-estimates rather than lets a budget be overrun.
      microUsdPerSecond: 400_000,
      source: pricingSource,
      asOf: pricingDate,
    },
  },
};

export function isRunwayModelId(modelId: string): modelId is RunwayModelId {
  return (runwayModelIds as readonly string[]).includes(modelId);
}

/** Veo via Runway has an `audio` switch and `negativePrompt`; Runway's own models do not. */
export const isVeoModel = (modelId: RunwayModelId): boolean => modelId.startsWith('veo');
