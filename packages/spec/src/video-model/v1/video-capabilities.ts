/**
 * What a model can do, as data. The gateway's check-capabilities step compares every request
 * with this before any adapter is called, so an adapter never sees a request it cannot serve.
 */
export interface VideoCapabilities {
  /** Allowed durations. `range` accepts any value in [min, max] rounded to `step`. */
  durations:
    | { kind: 'set'; seconds: number[] }
    | { kind: 'range'; min: number; max: number; step: number };
  defaultSeconds: number;
  /**
   * Allowed sizes. `range` accepts any even WxH inside the bounds and, where `maxPixels` is set,
   * of at most that many pixels (so an engine can take 1280x720 and 720x1280 without 1920x1920).
   */
  sizes:
    | { kind: 'set'; values: string[] }
    | {
        kind: 'range';
        minWidth: number;
        minHeight: number;
        maxWidth: number;
        maxHeight: number;
        maxPixels?: number;
      };
  defaultSize: string;
  fps: { values: number[]; default: number } | { min: number; max: number; default: number };
  seed: boolean;
  audio: boolean;
  imageInput: boolean;
  /** The model renders only from an image (image-to-video only); text alone is a 400. */
  imageRequired?: boolean;
  maxPromptLength: number;
  /** Price in integer micro-USD per second of output, optionally per size. */
  price: VideoPrice;
}

export interface VideoPrice {
  currency: 'USD';
  microUsdPerSecond: number;
  bySize?: Record<string, number>;
  /** Where the price came from and when it was read; prices change often. */
  source: string;
  asOf: string;
}
