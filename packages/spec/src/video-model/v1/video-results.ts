import type { JSONObject, JSONValue } from './json-value.js';
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
