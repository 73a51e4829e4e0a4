import type { VideoCapabilities } from '@vgw/spec';

export const lumaProviderName = 'luma';
export const lumaApiKeyVariable = 'LUMAAI_API_KEY';
/** The host; the API lives under `lumaApiPath` (SDK default base `…/dream-machine/v1`). */
export const lumaDefaultBaseURL = 'https://api.lumalabs.ai';
export const lumaApiPath = '/dream-machine/v1';

export const lumaModelIds = ['ray-2', 'ray-flash-2'] as const;
export type LumaModelId = (typeof lumaModelIds)[number];

/** `aspect_ratio` and `resolution` enums of the create request (lumaai SDK 1.19, providers.md §4.2). */
export const lumaAspectRatios = ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9', '9:21'] as const;
export const lumaResolutions = { '540p': 540, '720p': 720, '1080p': 1080, '4k': 2160 } as const;
export type LumaResolution = keyof typeof lumaResolutions;

export interface LumaSize {
  size: string;
  width: number;
  height: number;
  aspectRatio: (typeof lumaAspectRatios)[number];
  resolution: LumaResolution;
}

const even = (value: number): number => Math.round(value / 2) * 2;

/**
 * Luma takes an aspect ratio and a resolution name, not pixels. We name each pair by the size
 * it implies (short side = the resolution's lines); the exact pixels Luma renders for the
 * non-16:9 ratios are not documented [UNVERIFIED].
 */
export const lumaSizes: LumaSize[] = lumaAspectRatios.flatMap((aspectRatio) => {
  const [across, down] = aspectRatio.split(':').map(Number) as [number, number];
  return (Object.keys(lumaResolutions) as LumaResolution[]).map((resolution) => {
    const lines = lumaResolutions[resolution];
    const width = across >= down ? even((lines * across) / down) : lines;
    const height = across >= down ? lines : even((lines * down) / across);
    return { size: `${width}x${height}`, width, height, aspectRatio, resolution };
  });
});

export function lumaSizeFor(width: number, height: number): LumaSize | null {
  return lumaSizes.find((entry) => entry.width === width && entry.height === height) ?? null;
}

/** Luma renders 24 fps [UNVERIFIED: observed output, not documented in the API reference]. */
const lumaFps = 24;

/**
 * Luma bills API video by pixels rendered: ray-2 $0.0064 and ray-flash-2 $0.0022 per million
 * pixels (width x height x 24 fps x seconds), i.e. ray-2 720p 5 s ≈ $0.71.
 * Source: lumalabs.ai/api pricing as remembered, read 2026-11 [UNVERIFIED — providers.md §4.6
 * has no verified price]; confirm before billing on it.
 */
const usdPerMegapixel: Record<LumaModelId, number> = { 'ray-2': 0.0064, 'ray-flash-2': 0.0022 };

function priceBySize(modelId: LumaModelId): Record<string, number> {
  return Object.fromEntries(
    lumaSizes.map((entry) => [
      entry.size,
      Math.round(entry.width * entry.height * lumaFps * usdPerMegapixel[modelId]),
    ]),
  );
}

function capabilitiesOf(modelId: LumaModelId): VideoCapabilities {
  const bySize = priceBySize(modelId);
  return {
    durations: { kind: 'set', seconds: [5, 9] },
    defaultSeconds: 5,
    sizes: { kind: 'set', values: lumaSizes.map((entry) => entry.size) },
    defaultSize: '1280x720',
    fps: { values: [lumaFps], default: lumaFps },
    seed: false,
    // Audio is a separate, later call (POST /generations/{id}/audio), not part of a render.
    audio: false,
    // keyframes.frame0 takes a public image URL only; the gateway holds a local file and Luma
    // documents no data: URLs or uploads, so an input image cannot be passed [providers.md §4.2].
    imageInput: false,
    // Not documented; a conservative bound [UNVERIFIED].
    maxPromptLength: 5000,
    price: {
      currency: 'USD',
      microUsdPerSecond: bySize['1280x720'] ?? 0,
      bySize,
      source: 'lumalabs.ai/api pricing, per-megapixel rate [UNVERIFIED]',
      asOf: '2026-11-25',
    },
  };
}

export const lumaCapabilities: Record<LumaModelId, VideoCapabilities> = {
  'ray-2': capabilitiesOf('ray-2'),
  'ray-flash-2': capabilitiesOf('ray-flash-2'),
};

export function isLumaModelId(modelId: string): modelId is LumaModelId {
  return (lumaModelIds as readonly string[]).includes(modelId);
}
