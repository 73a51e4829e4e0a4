import type { VideoCapabilities, VideoPrice } from '@vgw/spec';

export const minimaxProviderName = 'minimax';

export const minimaxModelIds = ['MiniMax-Hailuo-02', 'MiniMax-Hailuo-2.3', 'MiniMax-H3'] as const;
export type MinimaxModelId = (typeof minimaxModelIds)[number];

/** Hailuo 02 / 2.3 live on the classic v1 API; MiniMax-H3 only on the v2 (content-array) API. */
export function minimaxApiVersion(modelId: MinimaxModelId): 'v1' | 'v2' {
  return modelId === 'MiniMax-H3' ? 'v2' : 'v1';
}

/** v1 takes a named resolution tier; text-to-video output is 16:9 at that height. */
export const hailuoResolutions: Record<string, '768P' | '1080P'> = {
  '1366x768': '768P',
  '1920x1080': '1080P',
};

/** H3 renders one tier (2K) and takes the shape as a ratio. */
export const h3Ratios: Record<string, string> = {
  '2560x1440': '16:9',
  '1440x2560': '9:16',
  '2048x2048': '1:1',
  '2048x1536': '4:3',
  '1536x2048': '3:4',
  '2560x1080': '21:9',
};

// UNVERIFIED (docs/providers.md §7.3): Hailuo-02 ≈ $0.28 for 768P 6 s and ≈ $0.49 for 1080P 6 s,
// from memory of platform.minimax.io pricing (2025); 768P 10 s is $0.56 (56_000/s), dearer per
// second than the 6 s rate listed here. Hailuo-2.3 is assumed to cost the same as 02.
const hailuoPrice: VideoPrice = {
  currency: 'USD',
  microUsdPerSecond: 46_667,
  bySize: { '1366x768': 46_667, '1920x1080': 81_667 },
  source: 'UNVERIFIED: platform.minimax.io pricing from memory (docs/providers.md §7.3)',
  asOf: '2025-12-01',
};

// UNVERIFIED placeholder: no source we hold lists an H3 price; the Hailuo-02 1080P rate stands in
// so budgets are not computed as free. Replace once MiniMax's price page is checked.
const h3Price: VideoPrice = {
  currency: 'USD',
  microUsdPerSecond: 81_667,
  source: 'UNVERIFIED placeholder (Hailuo-02 1080P rate); H3 price not in docs/providers.md §7.3',
  asOf: '2026-11-25',
};

const hailuo: VideoCapabilities = {
  // 6 or 10 s; 10 s only at 768P (checked in doStart: capabilities cannot pair size and seconds).
  durations: { kind: 'set', seconds: [6, 10] },
  defaultSeconds: 6,
  sizes: { kind: 'set', values: Object.keys(hailuoResolutions) },
  defaultSize: '1366x768',
  // No fps parameter; Hailuo outputs 24 fps (observed, UNVERIFIED).
  fps: { values: [24], default: 24 },
  seed: false,
  audio: false,
  imageInput: true,
  maxPromptLength: 2000,
  price: hailuoPrice,
};

export const minimaxCapabilities: Record<MinimaxModelId, VideoCapabilities> = {
  'MiniMax-Hailuo-02': hailuo,
  'MiniMax-Hailuo-2.3': hailuo,
  'MiniMax-H3': {
    durations: { kind: 'range', min: 5, max: 15, step: 1 },
    defaultSeconds: 5,
    sizes: { kind: 'set', values: Object.keys(h3Ratios) },
    defaultSize: '2560x1440',
    fps: { values: [24], default: 24 },
    seed: false,
    // The v2 API exposes no audio switch (Vercel AI SDK adapter warns so).
    audio: false,
    imageInput: true,
    maxPromptLength: 2000,
    price: h3Price,
  },
};

export function isMinimaxModelId(modelId: string): modelId is MinimaxModelId {
  return (minimaxModelIds as readonly string[]).includes(modelId);
}
