import type { VideoCapabilities, VideoPrice } from '@vgw/spec';

export const klingProviderName = 'kling';

export const klingModelIds = ['kling-v2-5-turbo', 'kling-v2-1-master', 'kling-v2-6'] as const;
export type KlingModelId = (typeof klingModelIds)[number];

/** Which `mode` a size asks for: Kling renders 720p in `std` and 1080p in `pro`. */
export const klingSizes = {
  std: { '1280x720': '16:9', '720x1280': '9:16', '720x720': '1:1' },
  pro: { '1920x1080': '16:9', '1080x1920': '9:16', '1080x1080': '1:1' },
} as const;

const stdSizes = Object.keys(klingSizes.std);
const proSizes = Object.keys(klingSizes.pro);

// Kling sells prepaid units (1 unit ≈ $0.14); failed tasks are not charged. Unit counts from the
// third-party transcription inference-sh/grid `api/klingai/pricing.md` (2026), copied into
// docs/providers.md §6.6 on 2026-11; re-check on kling.ai's developer pricing page.
const source = 'inference-sh/grid api/klingai/pricing.md (3P transcription of kling.ai pricing)';
const asOf = '2026-11-25';

function price(microUsdPerSecond: number, bySize?: Record<string, number>): VideoPrice {
  const result: VideoPrice = { currency: 'USD', microUsdPerSecond, source, asOf };
  if (bySize != null) result.bySize = bySize;
  return result;
}

const common: Omit<VideoCapabilities, 'sizes' | 'defaultSize' | 'audio' | 'price'> = {
  // Kling takes "5" or "10" as a string; nothing in between.
  durations: { kind: 'set', seconds: [5, 10] },
  defaultSeconds: 5,
  // Kling has no fps parameter; its v2 outputs are 24 fps (observed, not documented).
  fps: { values: [24], default: 24 },
  // No seed parameter on Kling's API.
  seed: false,
  imageInput: true,
  maxPromptLength: 2500,
};

/** The v2 models as data; check-capabilities rejects anything else before we are called. */
export const klingCapabilities: Record<KlingModelId, VideoCapabilities> = {
  // std 5 s = 1.5 units ($0.21) → 42_000/s; pro 5 s = 2.5 units ($0.35) → 70_000/s.
  'kling-v2-5-turbo': {
    ...common,
    sizes: { kind: 'set', values: [...stdSizes, ...proSizes] },
    defaultSize: '1280x720',
    audio: false,
    price: price(42_000, Object.fromEntries(proSizes.map((size) => [size, 70_000]))),
  },
  // Master renders 1080p only: 5 s = 10 units ($1.40) → 280_000/s.
  'kling-v2-1-master': {
    ...common,
    sizes: { kind: 'set', values: proSizes },
    defaultSize: '1920x1080',
    audio: false,
    price: price(280_000),
  },
  // v2.6 is sold in pro with native audio: 5 s = 5 units ($0.70) → 140_000/s.
  'kling-v2-6': {
    ...common,
    sizes: { kind: 'set', values: proSizes },
    defaultSize: '1920x1080',
    audio: true,
    price: price(140_000),
  },
};

export function isKlingModelId(modelId: string): modelId is KlingModelId {
  return (klingModelIds as readonly string[]).includes(modelId);
}

/** The `mode` and `aspect_ratio` a declared size maps to. */
export function klingShape(width: number, height: number): { mode: 'std' | 'pro'; ratio: string } {
  const size = `${width}x${height}`;
  const std = (klingSizes.std as Record<string, string>)[size];
  if (std != null) return { mode: 'std', ratio: std };
  return { mode: 'pro', ratio: (klingSizes.pro as Record<string, string>)[size] ?? '16:9' };
}
