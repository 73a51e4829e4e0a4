import type { VideoCapabilities } from '@vgw/spec';

export const falProviderName = 'fal';
export const falApiKeyVariable = 'FAL_KEY';
/** fal's queue host; the sync host (fal.run) holds a connection per render, so it is not used. */
export const falDefaultBaseURL = 'https://queue.fal.run';

export const pikaTextToVideo = 'fal-ai/pika/v2.2/text-to-video';
export const pikaImageToVideo = 'fal-ai/pika/v2.2/image-to-video';
export const pikaEndpointIds = [pikaTextToVideo, pikaImageToVideo] as const;

export const pikaAspectRatios = ['16:9', '9:16', '1:1', '4:5', '5:4', '3:2', '2:3'] as const;
const pikaLines = { '720p': 720, '1080p': 1080 } as const;

export interface PikaSize {
  size: string;
  resolution: keyof typeof pikaLines;
  aspectRatio: (typeof pikaAspectRatios)[number];
}

const even = (value: number): number => Math.round(value / 2) * 2;

/**
 * Pika takes `resolution` (720p | 1080p) and, for text-to-video, `aspect_ratio` (the enums of
 * `PikaV22TextToVideoInput` in @fal-ai/client 1.10.1 `types/endpoints.d.ts`); we name each pair
 * by the pixels it implies (short side = the resolution's lines). The exact output pixels are
 * not documented [UNVERIFIED].
 */
export const pikaSizes: PikaSize[] = (Object.keys(pikaLines) as PikaSize['resolution'][]).flatMap(
  (resolution) =>
    pikaAspectRatios.map((aspectRatio) => {
      const [across, down] = aspectRatio.split(':').map(Number) as [number, number];
      const lines = pikaLines[resolution];
      const width = across >= down ? even((lines * across) / down) : lines;
      const height = across >= down ? lines : even((lines * down) / across);
      return { size: `${width}x${height}`, resolution, aspectRatio };
    }),
);

export function pikaSizeFor(width: number, height: number): PikaSize | null {
  return pikaSizes.find((entry) => entry.size === `${width}x${height}`) ?? null;
}

/**
 * Pika v2.2 on fal bills per video: ≈$0.20 for 720p and ≈$0.45 for 1080p (5 s), i.e. $0.04/s and
 * $0.09/s. Source: providers.md §3.1 citing fal.ai/models/fal-ai/pika/v2.2 pages, read 2026-11
 * [UNVERIFIED for v2.2; the 10 s price is assumed to scale per second].
 */
const pikaMicroUsdPerSecond = { '720p': 40_000, '1080p': 90_000 } as const;

function pikaCapabilities(imageInput: boolean): VideoCapabilities {
  return {
    durations: { kind: 'set', seconds: [5, 10] },
    defaultSeconds: 5,
    sizes: { kind: 'set', values: pikaSizes.map((entry) => entry.size) },
    defaultSize: '1280x720',
    // Pika's output rate is not part of the API [UNVERIFIED: 24 fps].
    fps: { values: [24], default: 24 },
    seed: true,
    audio: false,
    imageInput,
    // Not documented on fal's page; a conservative bound [UNVERIFIED].
    maxPromptLength: 2000,
    price: {
      currency: 'USD',
      microUsdPerSecond: pikaMicroUsdPerSecond['720p'],
      bySize: Object.fromEntries(
        pikaSizes.map((entry) => [entry.size, pikaMicroUsdPerSecond[entry.resolution]]),
      ),
      source: 'fal.ai model pages for fal-ai/pika/v2.2 via providers.md §3.1 [UNVERIFIED]',
      asOf: '2026-11-25',
    },
  };
}

export const pikaCapabilitiesById: Record<(typeof pikaEndpointIds)[number], VideoCapabilities> = {
  [pikaTextToVideo]: pikaCapabilities(false),
  [pikaImageToVideo]: pikaCapabilities(true),
};

export function isPikaEndpoint(id: string): id is (typeof pikaEndpointIds)[number] {
  return (pikaEndpointIds as readonly string[]).includes(id);
}

/**
 * For a fal endpoint configured without capabilities: accept what the gateway can express and
 * let fal validate. Only prompt, seed and the image are sent; the rest goes in
 * `provider_options.fal.input`. Its price is unknown (0), so configure one for real budgets.
 */
export const permissiveCapabilities: VideoCapabilities = {
  durations: { kind: 'range', min: 1, max: 60, step: 1 },
  defaultSeconds: 5,
  sizes: { kind: 'range', minWidth: 64, minHeight: 64, maxWidth: 3840, maxHeight: 3840 },
  defaultSize: '1280x720',
  fps: { min: 1, max: 60, default: 24 },
  seed: true,
  audio: false,
  imageInput: true,
  maxPromptLength: 10_000,
  price: {
    currency: 'USD',
    microUsdPerSecond: 0,
    source: 'unknown: set options.endpoints[].capabilities.price for this fal endpoint',
    asOf: '2026-11-25',
  },
};
