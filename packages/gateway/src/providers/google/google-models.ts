import type { VideoCapabilities } from '@vgw/spec';

export const googleProviderName = 'google';

export const googleModelIds = [
  'veo-3.1-generate-preview',
  'veo-3.1-fast-generate-preview',
  'veo-3.0-generate-001',
  'veo-3.0-fast-generate-001',
] as const;
export type GoogleModelId = (typeof googleModelIds)[number];

/**
 * Sizes are aspectRatio × resolution; 4k (Veo 3.1 only) is left out because its price is not
 * known. Durations 4/6/8 s per providers.md §5.1 [UNVERIFIED there]; 1080p renders only 8 s,
 * which capabilities cannot express, so doStart refuses other lengths at 1080p.
 */
const veoSizes: VideoCapabilities['sizes'] = {
  kind: 'set',
  values: ['1280x720', '720x1280', '1920x1080', '1080x1920'],
};

function veo(microUsdPerSecond: number, source: string, asOf: string): VideoCapabilities {
  return {
    durations: { kind: 'set', seconds: [4, 6, 8] },
    defaultSeconds: 8,
    sizes: veoSizes,
    defaultSize: '1280x720',
    // Veo renders 24 fps; the Gemini API has no fps parameter (Vertex-only per js-genai).
    fps: { values: [24], default: 24 },
    // js-genai rejects `seed` on the Gemini API (Vertex-only), so the gateway warns and drops it.
    seed: false,
    // Veo 3.x on the Gemini API always renders an audio track.
    audio: true,
    imageInput: true,
    // Veo takes about 1024 prompt tokens; 4000 characters stays under that for English text.
    maxPromptLength: 4000,
    price: { currency: 'USD', microUsdPerSecond, source, asOf },
  };
}

const veo31Source =
  'providers.md §5.4: aifreeapi.com/posts/veo-3-1-api-rate-limit (3P, verified by them 2026-03-02), 720p/1080p';
const veo30Source =
  'sachigoyal/echo supported-models/video/gemini.ts citing ai.google.dev/gemini-api/docs/pricing (3P), with audio';

/** Gemini API Veo models; prices are indicative list prices per second of output, with audio. */
export const googleCapabilities: Record<GoogleModelId, VideoCapabilities> = {
  'veo-3.1-generate-preview': veo(400_000, veo31Source, '2026-03-02'),
  'veo-3.1-fast-generate-preview': veo(150_000, veo31Source, '2026-03-02'),
  'veo-3.0-generate-001': veo(400_000, veo30Source, '2026-11-25'),
  'veo-3.0-fast-generate-001': veo(150_000, veo30Source, '2026-11-25'),
};

export function isGoogleModelId(modelId: string): modelId is GoogleModelId {
  return (googleModelIds as readonly string[]).includes(modelId);
}

/** Aspect ratio and resolution for each declared size. */
export const veoSizeParameters: Record<string, { aspectRatio: string; resolution: string }> = {
  '1280x720': { aspectRatio: '16:9', resolution: '720p' },
  '720x1280': { aspectRatio: '9:16', resolution: '720p' },
  '1920x1080': { aspectRatio: '16:9', resolution: '1080p' },
  '1080x1920': { aspectRatio: '9:16', resolution: '1080p' },
};
