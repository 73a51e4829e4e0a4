import type { JSONObject, VideoCapabilities } from '@vgw/spec';

export const replicateProviderName = 'replicate';

/** The gateway parameters a model takes as inputs, by the model's own input names. */
export interface ReplicateInputFields {
  seconds: string | null;
  seed: string | null;
  fps: string | null;
  image: string | null;
}

/** One Replicate model as data: what it can do and how the gateway's request becomes its input. */
export interface ReplicateModelSpec {
  /** `owner/name`, or `owner/name:version` to run one pinned version. */
  modelId: string;
  capabilities: VideoCapabilities;
  /** Sent with every prediction, under the gateway's own fields. */
  input: JSONObject;
  fields: ReplicateInputFields;
  /** Extra inputs for each gateway size (most video models take aspect_ratio / resolution). */
  sizeInputs: Record<string, JSONObject>;
}

const noFields: ReplicateInputFields = { seconds: null, seed: null, fps: null, image: null };

/*
 * Prices: providers.md §9.6 verifies none ("per model, see each model page"). These are the
 * per-second list prices remembered from each replicate.com model page, read 2026-11-25 and
 * UNVERIFIED: check the page before relying on budgets. Input names and enums: replicate.com
 * `<model>/api` schema pages (hailuo-02 confirmed; the others UNVERIFIED).
 */
const hailuo02: ReplicateModelSpec = {
  modelId: 'minimax/hailuo-02',
  capabilities: {
    durations: { kind: 'set', seconds: [6, 10] },
    defaultSeconds: 6,
    sizes: { kind: 'set', values: ['1366x768', '1920x1080'] },
    defaultSize: '1366x768',
    fps: { values: [24], default: 24 },
    seed: false,
    audio: false,
    imageInput: true,
    maxPromptLength: 2000,
    price: {
      currency: 'USD',
      microUsdPerSecond: 45_000,
      bySize: { '1366x768': 45_000, '1920x1080': 80_000 },
      source: 'https://replicate.com/minimax/hailuo-02 (UNVERIFIED, not in providers.md §9.6)',
      asOf: '2026-11-25',
    },
  },
  input: {},
  fields: { ...noFields, seconds: 'duration', image: 'first_frame_image' },
  // 10 s renders only at 768p; Replicate answers 1080p + 10 s with a 422 (a failed start).
  sizeInputs: { '1366x768': { resolution: '768p' }, '1920x1080': { resolution: '1080p' } },
};

const veo3: ReplicateModelSpec = {
  modelId: 'google/veo-3',
  capabilities: {
    durations: { kind: 'set', seconds: [8] },
    defaultSeconds: 8,
    sizes: { kind: 'set', values: ['1280x720', '720x1280', '1920x1080', '1080x1920'] },
    defaultSize: '1280x720',
    fps: { values: [24], default: 24 },
    seed: true,
    audio: true,
    imageInput: true,
    maxPromptLength: 2000,
    price: {
      currency: 'USD',
      microUsdPerSecond: 400_000,
      source: 'https://replicate.com/google/veo-3 (UNVERIFIED, not in providers.md §9.6)',
      asOf: '2026-11-25',
    },
  },
  input: {},
  fields: { ...noFields, seed: 'seed', image: 'image' },
  sizeInputs: {
    '1280x720': { aspect_ratio: '16:9', resolution: '720p' },
    '720x1280': { aspect_ratio: '9:16', resolution: '720p' },
    '1920x1080': { aspect_ratio: '16:9', resolution: '1080p' },
    '1080x1920': { aspect_ratio: '9:16', resolution: '1080p' },
  },
};

const kling16Standard: ReplicateModelSpec = {
  modelId: 'kwaivgi/kling-v1.6-standard',
  capabilities: {
    durations: { kind: 'set', seconds: [5, 10] },
    defaultSeconds: 5,
    sizes: { kind: 'set', values: ['1280x720', '720x1280', '720x720'] },
    defaultSize: '1280x720',
    fps: { values: [24], default: 24 },
    seed: false,
    audio: false,
    imageInput: true,
    maxPromptLength: 2500,
    price: {
      currency: 'USD',
      microUsdPerSecond: 56_000,
      source:
        'https://replicate.com/kwaivgi/kling-v1.6-standard (UNVERIFIED, not in providers.md §9.6)',
      asOf: '2026-11-25',
    },
  },
  input: {},
  fields: { ...noFields, seconds: 'duration', image: 'start_image' },
  sizeInputs: {
    '1280x720': { aspect_ratio: '16:9' },
    '720x1280': { aspect_ratio: '9:16' },
    '720x720': { aspect_ratio: '1:1' },
  },
};

/** Video models declared out of the box; any other model is added in settings.options.models. */
export const knownReplicateModels: readonly ReplicateModelSpec[] = [
  hailuo02,
  veo3,
  kling16Standard,
];

/** What a model configured without capabilities gets: permissive, and free until priced. */
export const defaultReplicateCapabilities: VideoCapabilities = {
  durations: { kind: 'range', min: 1, max: 60, step: 1 },
  defaultSeconds: 5,
  sizes: { kind: 'range', minWidth: 64, minHeight: 64, maxWidth: 3840, maxHeight: 3840 },
  defaultSize: '1280x720',
  fps: { min: 1, max: 60, default: 24 },
  seed: false,
  audio: false,
  imageInput: false,
  maxPromptLength: 10_000,
  price: {
    currency: 'USD',
    microUsdPerSecond: 0,
    source: 'not declared: set capabilities.price in settings.options.models',
    asOf: '2026-11-25',
  },
};

export const noReplicateFields = noFields;
