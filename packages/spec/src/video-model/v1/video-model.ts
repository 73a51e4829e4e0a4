import type { JSONObject, JSONValue } from './json-value.js';
import type { VideoCallOptions } from './video-call-options.js';
import type { VideoCapabilities } from './video-capabilities.js';
import type { VideoStartResult, VideoStatusResult, WebhookEvent } from './video-results.js';

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
