import type { JSONObject, JSONValue } from './json-value.js';
import type { VideoCapabilities } from './video-capabilities.js';
import type { VideoWarning } from './warning.js';

/**
 * Which output a {@link VideoFile} is. Callers fetch each one with
 * `GET /v1/videos/{id}/content?variant=…`; a completed video has at most one file per variant.
 *
 * - `video`: the rendered clip. Required: a completion without one fails as `no_output`.
 * - `thumbnail`: one still image of the clip (served as `<id>-thumbnail.jpg`).
 * - `spritesheet`: a grid of frames for scrubbing previews (served as `<id>-spritesheet.jpg`).
 */
export type VideoVariant = 'video' | 'thumbnail' | 'spritesheet';

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
 * model's {@link VideoCapabilities}; retries of one start get the same values (all but the signal).
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

/**
 * An output of a completed render, which the gateway copies into its own storage once (the
 * engine's file or URL is never handed to callers). Set by the adapter in `doStatus`.
 *
 * A copy that fails is retried on a later check (3 attempts in all, then the video fails), so the
 * output must stay available until `doCleanup`; `doStatus` is asked again each time and may
 * return a fresh URL.
 */
export type VideoFile =
  /** A file the engine wrote on the gateway's machine. */
  | {
      variant: VideoVariant;
      kind: 'file';
      /** Where the file is; the gateway reads it and leaves it there (remove it in `doCleanup`). */
      path: string;
      /**
       * Stored with the file and served as its `content-type`: `video/mp4` for the video and
       * `image/jpeg` for the images are what callers expect.
       */
      mediaType: string;
    }
  /** A URL the gateway downloads once, with a plain GET. */
  | {
      variant: VideoVariant;
      kind: 'url';
      /**
       * An http(s) URL. Unless `fromConfiguredOrigin`, it must resolve to a public address, and
       * so must every redirect (at most 5); otherwise the video fails at once (`unsafe_url`). A
       * non-2xx answer is a failed download, tried again on a later check.
       */
      url: string;
      /** Stored with the file and served as its `content-type` (e.g. `video/mp4`). */
      mediaType: string;
      /**
       * The URL is on the provider's operator-configured base URL (a ComfyUI on the LAN): its
       * origin is exempt from the private-address check (redirects elsewhere are still checked)
       * and `headers` are sent with it. Set it only for URLs the adapter built from that
       * configured base URL, never for one taken from a provider's response.
       */
      fromConfiguredOrigin?: boolean;
      /**
       * Request headers for the download (e.g. an API key the configured server wants). Used only
       * with `fromConfiguredOrigin: true`, and sent on every hop of the download, redirects
       * included.
       */
      headers?: Record<string, string>;
    };

/** What `doStart` returns once the provider has accepted a render. Set by the adapter. */
export interface VideoStartResult {
  /**
   * JSON the gateway stores on the video; any worker continues the render from it after any
   * restart. It is passed back unchanged (after a `jsonb` round trip, see {@link JSONValue}) to
   * `doStatus`, `doCancel` and `doCleanup`, so it must hold everything they need: the provider's
   * job id, the model, when it started, and so on. It must not be null (a null operation means
   * "not started", and the gateway would call `doStart` again). Keep it small and free of
   * secrets: it is stored in the database, never shown to callers.
   *
   * Put the provider's job id at a stable key: `parseWebhook` finds renders by matching a
   * fragment of this object.
   */
  operation: JSONValue;
  /**
   * What the adapter changed or ignored to serve the request (e.g. a caption it could not draw).
   * Appended to the warnings from the capability check and returned with the video; `[]` when
   * none.
   */
  warnings: VideoWarning[];
  /**
   * Provider-specific facts about the start, keyed by the provider's name (e.g.
   * `{ openai: { videoId: 'video_123' } }`), for logs, tests and direct callers. The gateway
   * neither stores nor returns it today.
   */
  providerMetadata?: JSONObject;
}

/**
 * Why a render failed, as `doStatus` reports it (`{ status: 'failed', error }`). The gateway
 * stores the same shape for every failure and returns `code`, `message` and `param` as the
 * video's `error`.
 */
export interface VideoFailure {
  /**
   * Machine-readable reason in snake_case. The conventional codes: `render_failed`,
   * `content_policy_violation`, `upstream_timeout` (past the engine's own time limit),
   * `no_output` (a success without an output), `cancelled`, `invalid_operation` (the stored
   * operation is unreadable).
   */
  code: string;
  /** What happened, for the caller and the operator: name the provider and its job. */
  message: string;
  /**
   * Whether a fresh render of the same request may succeed (the provider's own transient
   * trouble, an interrupted render). True: the gateway starts over under a new start key, a new
   * billable render, while `videos.maxStartAttempts` allows; false: the video fails for good. A
   * refusal or a bad input is never retryable.
   */
  retryable: boolean;
  /** Which input a refusal concerns, when the engine knows it (prompt, input_reference, output). */
  param?: string;
}

/**
 * The answer to one status check, set by the adapter in `doStatus`. What the provider says about
 * the render is reported here, not thrown: a thrown error only means the check itself failed.
 */
export type VideoStatusResult =
  /** Still queued or rendering: the gateway schedules the next check. */
  | {
      status: 'pending';
      /**
       * How far the render is, in percent (0–100); omit when the provider does not say (the
       * video keeps its last value). The gateway rounds it, caps it at 99 until completion and
       * never lets it go down.
       */
      progress?: number;
      /**
       * When to check again, in milliseconds (the gateway caps it at 300 s). Absent: its own
       * backoff, 0.5 s doubling per check up to 30 s. A webhook can bring the check forward.
       */
      retryAfterMs?: number;
    }
  /** Finished: the gateway copies the outputs, records the completion, then calls `doCleanup`. */
  | {
      status: 'completed';
      /**
       * The outputs: one `video` (without it the video fails as `no_output`), optionally one
       * `thumbnail` and one `spritesheet`.
       */
      videos: VideoFile[];
      /**
       * Provider-specific facts about the finished render, keyed by the provider's name, for logs,
       * tests and direct callers. The gateway neither stores nor returns it today.
       */
      providerMetadata?: JSONObject;
    }
  /** Over without a usable result: retried as a new render or failed, by `error.retryable`. */
  | { status: 'failed'; error: VideoFailure };

/**
 * What an inbound provider webhook says: which render it concerns, as a fragment of that render's
 * `operation` JSON. The gateway only brings that render's next status check forward; the status
 * check stays the source of truth, so a forged or lost webhook changes nothing. Set by the
 * adapter in `parseWebhook`.
 */
export interface WebhookEvent {
  /**
   * Matched by JSON containment (Postgres `operation @> operationMatch`) against the operations
   * of this provider's queued and in-progress videos: `{ videoId: 'video_123' }` matches an
   * operation `{ videoId: 'video_123', model: 'sora-2', … }`. Types must match too (`"42"` does
   * not match `42`). At most 16 levels deep and 16 KiB; each render is woken at most every 2 s.
   */
  operationMatch: JSONObject;
  /**
   * The sender's unique id of this delivery, for signed webhooks (standard webhooks'
   * `webhook-id`): the gateway acts on each id once, so a captured message replayed within its
   * signature window changes nothing.
   */
  deliveryId?: string;
}

/**
 * The engine contract, version 1: one instance per model an adapter serves. The gateway builds
 * the instances at startup and drives every render through them:
 *
 * 1. On `POST /v1/videos`, the request is checked against `capabilities`, then `parseOptions`
 *    checks the provider options, and the video is stored as queued. No engine is called yet.
 * 2. A worker calls `doStart` with the video's start key and stores the returned `operation`.
 * 3. Workers call `doStatus` with that operation, one check at a time, until it answers
 *    `completed` or `failed`; webhooks (`parseWebhook`) only bring a check forward.
 * 4. On completion the gateway copies the outputs into its storage, then calls `doCleanup`.
 *    Past the video's deadline, or when a caller deletes a running video, it calls `doCancel`.
 *
 * Any worker, in any process and after any restart, may make the next call, so an instance keeps
 * no per-render state in memory: everything lives in the operation. Errors are
 * `GatewayError` subclasses; anything else thrown counts as a retryable failure.
 */
export interface VideoModelV1 {
  /** The contract version this object implements; a future incompatible contract changes it. */
  readonly specificationVersion: 'v1';
  /**
   * The engine's name, lowercase and stable (e.g. `openai`, `local`), shared by all its models.
   * It is the key of the request's `provider_options.<provider>`, the path of
   * `POST /v1/webhooks/<provider>`, the `provider` of video objects and the first half of the
   * model name `<provider>/<modelId>`.
   */
  readonly provider: string;
  /**
   * The model's id within the provider (e.g. `sora-2`). Callers name it as `<provider>/<modelId>`
   * (just `<provider>` when the two are equal), or as the bare id while no other provider uses it.
   */
  readonly modelId: string;
  /**
   * What the model accepts and costs, as data (see {@link VideoCapabilities}). Read once when the
   * gateway builds its model list; treat it as constant.
   */
  readonly capabilities: VideoCapabilities;
  /**
   * Checks `provider_options.<provider>` when the video is created, so a misspelt or invalid
   * option is a 400 at POST (naming `provider_options.<provider>.<key>`) rather than a failed
   * render later; throws the same InvalidRequestError `doStart` would.
   *
   * Receives the provider's own options object (`{}` when absent). Synchronous and local: no
   * network, no side effects. Returns nothing; `doStart` parses the options again for its use.
   * Absent: options go unchecked until `doStart`.
   *
   * @example
   * ```ts
   * parseOptions(providerOptions: JSONObject): void {
   *   for (const key of Object.keys(providerOptions)) {
   *     if (key !== 'style') {
   *       throw new InvalidRequestError(
   *         `unknown option "${key}" in provider_options.acme; allowed: style`,
   *         `provider_options.acme.${key}`,
   *         'unknown_parameter',
   *       );
   *     }
   *   }
   * }
   * ```
   */
  parseOptions?(providerOptions: JSONObject): void;
  /**
   * Starts one render and resolves as soon as the provider has accepted it, with the operation
   * to continue from; it never waits for the render itself.
   *
   * Must be idempotent under `options.idempotencyKey`: the gateway calls it again with the same
   * key after a worker died between the call and saving the operation, after a retryable throw
   * and after an `EngineBusyError`. Such a call must not start or bill a second render: send
   * the key as the provider's idempotency key, or find the earlier start under it and return
   * that. Where the provider offers neither, say so in the adapter's documentation.
   *
   * Throws:
   * - `InvalidRequestError` for options or values the engine cannot serve (not retried);
   * - `PolicyViolationError` when moderation refuses the request at submission;
   * - `ProviderApiError` for a failed call, with `retryable` saying whether to try again;
   * - `EngineBusyError` when the engine's capacity is full and nothing was started or
   *   billed (retried without counting an attempt).
   *
   * @example
   * ```ts
   * async doStart(options: VideoCallOptions): Promise<VideoStartResult> {
   *   const { prompt, seconds, width, height, idempotencyKey, abortSignal } = options;
   *   // The key goes out as the provider's Idempotency-Key: a retry returns the same job.
   *   const job = await this.api.createJob(
   *     { prompt, seconds, size: `${width}x${height}` },
   *     { idempotencyKey, signal: abortSignal },
   *   ); // throws ProviderApiError, retryable on 408/409/429/5xx
   *   return {
   *     operation: { jobId: job.id, model: this.modelId, startedAt: Date.now() },
   *     warnings: [],
   *     providerMetadata: { acme: { jobId: job.id } },
   *   };
   * }
   * ```
   */
  doStart(options: VideoCallOptions): Promise<VideoStartResult>;
  /**
   * One check of the render's state, with the operation `doStart` returned. Called repeatedly,
   * by whichever worker holds the video, until it answers `completed` or `failed`.
   *
   * It must not block or wait for the render: answer `pending` (with `retryAfterMs` if the
   * provider suggests a pace) and let the gateway schedule the next check. It gets no abort
   * signal, so keep it to one or a few quick calls. Apart from bounded housekeeping (stopping a
   * render past the engine's own time limit, reported as `upstream_timeout`), it changes nothing.
   *
   * It must be repeatable: a `completed` answer may be asked for again when storing the outputs
   * failed, and must then be given again with outputs that can still be fetched.
   *
   * A thrown error is a missed check, not a failed render: throw a retryable
   * `ProviderApiError` for transient trouble (12 failed checks in a row fail the video), and
   * a non-retryable one only when no later check can succeed (a wrong key, an unreadable
   * operation), which fails the video.
   *
   * @example
   * ```ts
   * async doStatus({ operation }: { operation: JSONValue }): Promise<VideoStatusResult> {
   *   const { jobId } = parseOperation(operation); // non-retryable `invalid_operation` if bad
   *   const job = await this.api.getJob(jobId); // one GET; retryable ProviderApiError on 5xx
   *   if (job.state === 'queued' || job.state === 'running') {
   *     return { status: 'pending', progress: job.percent, retryAfterMs: 5_000 };
   *   }
   *   if (job.state === 'failed') {
   *     const message = `acme job ${jobId} failed: ${job.reason}`;
   *     return { status: 'failed', error: { code: 'render_failed', message, retryable: false } };
   *   }
   *   return {
   *     status: 'completed',
   *     videos: [{ variant: 'video', kind: 'url', url: job.outputUrl, mediaType: 'video/mp4' }],
   *   };
   * }
   * ```
   */
  doStatus(args: { operation: JSONValue }): Promise<VideoStatusResult>;
  /**
   * Stops the render upstream, best effort. Called when a video passes its deadline (just
   * before it fails as `upstream_timeout`) and when a caller deletes a video still in progress.
   * Its errors are logged or ignored: the video is failed or deleted either way, and no new
   * check is started (one already under way may still finish).
   *
   * Must be idempotent, and resolve quietly when the render has already finished or the provider
   * no longer knows it. Omit it when the provider has no cancel: the render then runs, and is
   * billed, to its end.
   *
   * @example
   * ```ts
   * async doCancel({ operation }: { operation: JSONValue }): Promise<void> {
   *   const { jobId } = parseOperation(operation);
   *   const response = await fetch(`${this.baseUrl}/jobs/${jobId}/cancel`, { method: 'POST' });
   *   // 409: already finished; 404: already gone. Both mean there is nothing left to stop.
   *   if (!response.ok && response.status !== 404 && response.status !== 409) {
   *     const message = `cancel answered ${response.status}`;
   *     throw new ProviderApiError('acme', message, { retryable: true });
   *   }
   * }
   * ```
   */
  doCancel?(args: { operation: JSONValue }): Promise<void>;
  /**
   * Called once the outputs are safely stored: frees what the engine keeps for this render.
   *
   * Called at most once, only for completed videos, after the completion is recorded; its errors
   * are logged and never fail the video. A worker that dies just before calling it skips it, so
   * an engine that keeps files should also expire them on its own. Afterwards the operation is
   * not used again.
   *
   * @example
   * ```ts
   * async doCleanup({ operation }: { operation: JSONValue }): Promise<void> {
   *   await rm(parseOperation(operation).jobDir, { recursive: true, force: true });
   * }
   * ```
   */
  doCleanup?(args: { operation: JSONValue }): Promise<void>;
  /**
   * Reads (and verifies, where the provider signs) an inbound webhook; throws on a bad signature.
   *
   * Serves `POST /v1/webhooks/<provider>`, which takes no API key. The gateway reads the body
   * first (at most 256 KiB, else a 413) and passes a fresh `Request` over those bytes. It asks
   * one model of the provider for every webhook, so the answer must not depend on `modelId`.
   *
   * Throw `AuthenticationError` (a 401) when the signature, its headers or its timestamp do
   * not verify. Return null for a notice that concerns no render (a test ping, a challenge, an
   * event of no interest): answered 202 with nothing woken. Otherwise return which render it
   * concerns; do not trust the status in the body, the next `doStatus` reads the real one.
   *
   * @example
   * ```ts
   * async parseWebhook(request: Request): Promise<WebhookEvent | null> {
   *   const body = await verifiedBody(request, this.webhookSecret); // AuthenticationError if bad
   *   if (body.type !== 'job.completed' && body.type !== 'job.failed') return null;
   *   const deliveryId = request.headers.get('webhook-id');
   *   return {
   *     operationMatch: { jobId: body.job_id },
   *     ...(deliveryId != null ? { deliveryId } : {}),
   *   };
   * }
   * ```
   */
  parseWebhook?(request: Request): Promise<WebhookEvent | null>;
}
