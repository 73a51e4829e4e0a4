/**
 * What a model can do, as data. The adapter declares it (usually a constant per model id); the
 * gateway reads it and never changes it.
 *
 * The gateway's capability check compares every `POST /v1/videos` with this before anything is
 * stored or any adapter method is called: a value the model cannot serve is a 400 naming the
 * parameter, a value it can serve approximately is coerced with a `compatibility` warning, and an
 * ignored one gets an `unsupported` warning. `doStart` therefore only sees resolved values that
 * fit here (an adapter may still re-check what its engine depends on, for direct callers). The
 * same object is published as `capabilities` in `GET /v1/engines`, so clients can discover
 * limits and prices without trial requests.
 *
 * Declare only what is verified to work: a value listed here that the provider refuses becomes a
 * failed (possibly billed) render instead of a 400.
 */
export interface VideoCapabilities {
  /**
   * Allowed output durations, in seconds.
   *
   * - `set`: only these values. A requested value not in the set is rounded up to the next
   *   listed one (with a `compatibility` warning); one above the largest is a 400.
   * - `range`: any value in [`min`, `max`] (inclusive; outside is a 400), rounded to the nearest
   *   multiple of `step` (with a `compatibility` warning when that changed it).
   */
  durations:
    | {
        kind: 'set';
        /** The durations the model renders, in seconds (e.g. `[4, 8, 12]`). */
        seconds: number[];
      }
    | {
        kind: 'range';
        /** Shortest duration, in seconds, inclusive. */
        min: number;
        /** Longest duration, in seconds, inclusive. */
        max: number;
        /** Granularity in seconds (`1` for whole seconds, `0.5` for half seconds). */
        step: number;
      };
  /**
   * Seconds used when the request gives none. Used as is, without the check above, so it must
   * itself be an allowed duration.
   */
  defaultSeconds: number;
  /**
   * Allowed output sizes, as `WIDTHxHEIGHT` in pixels (`"1280x720"` is landscape, `"720x1280"`
   * portrait).
   *
   * - `set`: exactly these strings; anything else is a 400.
   * - `range`: any WxH with even width and height inside the bounds (inclusive) and, where
   *   `maxPixels` is set, of at most that many pixels (so an engine can take 1280x720 and
   *   720x1280 without 1920x1920). Anything else is a 400; sizes are never rounded.
   */
  sizes:
    | {
        kind: 'set';
        /** The accepted sizes, as `WIDTHxHEIGHT` strings in pixels. */
        values: string[];
      }
    | {
        kind: 'range';
        /** Smallest width in pixels, inclusive. */
        minWidth: number;
        /** Smallest height in pixels, inclusive. */
        minHeight: number;
        /** Largest width in pixels, inclusive. */
        maxWidth: number;
        /** Largest height in pixels, inclusive. */
        maxHeight: number;
        /** Largest width × height in pixels; absent means the width and height bounds alone. */
        maxPixels?: number;
      };
  /**
   * Size used when the request gives none, as `WIDTHxHEIGHT` in pixels. It goes through the same
   * check as a requested size, so a default outside `sizes` makes every request without `size` a
   * 400.
   */
  defaultSize: string;
  /**
   * Allowed frame rates, in frames per second. Requests must give an integer; either one of
   * `values` or one in [`min`, `max`] (inclusive). Anything else is a 400, never rounded.
   * `default` is used when the request gives none and is not checked, so it must be allowed.
   * A model that does not take a frame rate lists the one it delivers (e.g. `{ values: [30],
   * default: 30 }`).
   */
  fps: { values: number[]; default: number } | { min: number; max: number; default: number };
  /**
   * Whether the model honours a seed. When false, a requested seed is dropped with an
   * `unsupported` warning and `doStart` receives `seed: null`.
   */
  seed: boolean;
  /**
   * Whether the output has a soundtrack. Informational only: the gateway publishes it and does not
   * act on it (there is no audio request parameter).
   */
  audio: boolean;
  /**
   * Whether the model accepts an `input_reference` image. When false, a request with one is a 400
   * naming `input_reference`.
   */
  imageInput: boolean;
  /**
   * The model renders only from an image (image-to-video only): a request without
   * `input_reference` is a 400 (`missing_required_parameter`). Absent means false. Only
   * meaningful together with `imageInput: true`.
   */
  imageRequired?: boolean;
  /**
   * Longest prompt accepted, in UTF-16 code units (JavaScript `string.length`, so an emoji may
   * count as 2); longer is a 400 naming `prompt`. The gateway also refuses an empty or
   * whitespace-only prompt, so `doStart` always gets a non-empty one.
   */
  maxPromptLength: number;
  /** The provider's list price: published, and what cost estimates use unless configured. */
  price: VideoPrice;
}

/**
 * A model's list price for output video, in integer micro-USD (1 USD = 1 000 000 micro-USD), so
 * sums stay exact.
 *
 * It is published in `GET /v1/engines`, and unless the operator configures a price of their own
 * (config `prices`), it is what the gateway estimates a render at, reserves against budgets and
 * settles a billed render for: `round(perSecond × seconds)`, where `perSecond` is
 * `bySize[size]` when present, else `microUsdPerSecond`. A free engine (the local one) states 0.
 */
export interface VideoPrice {
  /** Always `USD`; other currencies are converted before they are written here. */
  currency: 'USD';
  /** Price per second of output video, in integer micro-USD (e.g. `100_000` = 0.10 USD/s). */
  microUsdPerSecond: number;
  /**
   * Per-size prices that replace `microUsdPerSecond` for those sizes: keys are `WIDTHxHEIGHT`
   * strings exactly as in `sizes`, values integer micro-USD per second of output.
   */
  bySize?: Record<string, number>;
  /**
   * Where the price came from (a pricing page, a third-party summary, "local render, no
   * charge"), as free text. Prices change often, so a reader can judge how far to trust it.
   */
  source: string;
  /** When `source` was read, as an ISO 8601 date (`YYYY-MM-DD`). */
  asOf: string;
}
