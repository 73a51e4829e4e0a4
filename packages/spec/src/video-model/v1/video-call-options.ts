import type { JSONObject } from './json-value.js';

/**
 * An input image (`input_reference`), already checked and stored by the gateway. Set by the
 * gateway; the adapter only reads it.
 *
 * The gateway has proved the bytes are the image they claim to be (magic bytes, then a full
 * decode) and within its limits (by default at most 10 MiB, 8192 pixels a side, 4096 × 4096
 * pixels in all). It does not resize or crop it: an adapter whose provider needs the image at
 * the output size must fit it itself.
 */
export interface ImageInput {
  /**
   * Where the image is on the gateway's machine, in its content-addressed store. The file is
   * shared by every video made from the same bytes: read it, never move, change or delete it.
   */
  path: string;
  /** The format detected from the bytes: `image/png`, `image/jpeg` or `image/webp`. */
  mediaType: string;
}

/**
 * What one render is to be, as the gateway resolved it: set by the gateway from the stored
 * video, after the capability check, and passed to `doStart`. Every value already fits the
 * model's `VideoCapabilities`; retries of one start get the same values (all but the signal).
 */
export interface VideoCallOptions {
  /**
   * The caller's prompt as sent (not trimmed): never empty or blank, at most
   * `capabilities.maxPromptLength` UTF-16 code units.
   */
  prompt: string;
  /**
   * Output duration in seconds, one that `capabilities.durations` allows (a requested value
   * was rounded to it, or `defaultSeconds` used).
   */
  seconds: number;
  /** Output width in pixels (even, for a `range` of sizes), from the resolved `size`. */
  width: number;
  /** Output height in pixels (even, for a `range` of sizes), from the resolved `size`. */
  height: number;
  /** Output frame rate, an integer number of frames per second that `capabilities.fps` allows. */
  fps: number;
  /**
   * The caller's seed, a non-negative safe integer; null when none was sent or the model ignores
   * seeds (`capabilities.seed` false). With null the engine picks; deriving it from
   * `idempotencyKey` keeps retries of one start rendering the same clip.
   */
  seed: number | null;
  /**
   * The image to animate, or null for text-to-video. Only given when `capabilities.imageInput`
   * is true, and always given when `capabilities.imageRequired` is.
   */
  inputReference: ImageInput | null;
  /**
   * The start key: an opaque string (a UUID today), minted once per billable start; the same key
   * is sent again on every retry of that start (a worker that died after the call but before the
   * operation was saved, a retryable throw, an `EngineBusyError`). The gateway mints a new
   * key only when it deliberately starts over after a retryable failed status, i.e. a new render.
   *
   * Send it as the provider's idempotency key where it takes one, so the provider renders and
   * bills once. Unrelated to the caller's `Idempotency-Key` header.
   */
  idempotencyKey: string;
  /**
   * The request's `provider_options.<provider>` object exactly as stored at creation; `{}` when
   * absent. Other providers' options are not passed. It already passed `parseOptions` at
   * creation, but parse it again here: the adapter or its configuration may have changed since,
   * and a direct caller skips the gateway.
   */
  providerOptions: JSONObject;
  /**
   * Aborted when the calling worker lost the video's lease (another worker may take it over) or
   * is shutting down. Pass it to network calls and stop when it fires: the start is tried again
   * later under the same key. Absent for direct callers.
   */
  abortSignal?: AbortSignal;
}
