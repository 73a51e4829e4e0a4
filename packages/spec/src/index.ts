/**
 * `@vgw/spec`: the engine contract "video-model/v1" between the vgw gateway and the adapters
 * that drive video engines (hosted APIs such as OpenAI's, or the local ffmpeg engine). Types and
 * error classes only, with no dependencies and no vgw imports, so an adapter can be written
 * against this package alone.
 *
 * An adapter implements `VideoModelV1` once per model. The gateway owns everything around
 * it: validating requests against the declared `VideoCapabilities`, storing videos and
 * their `operation` JSON, scheduling status checks, retries, deadlines, downloads and storage.
 * The adapter owns only the calls to its engine: start a render (idempotently), check it once,
 * and optionally cancel it, clean up after it and read its webhooks.
 *
 * Units throughout: durations in seconds, delays in milliseconds (`…Ms`), sizes in pixels as
 * `WIDTHxHEIGHT`, prices in integer micro-USD, prompt lengths in UTF-16 code units.
 *
 * @packageDocumentation
 */

/** JSON as the gateway stores it (operations, provider options, metadata). */
export type { JSONObject, JSONValue } from './video-model/v1/json-value.js';
/** What a model accepts and what it costs, declared as data by the adapter. */
export type { VideoCapabilities, VideoPrice } from './video-model/v1/video-capabilities.js';
/** Changes made to serve a request, returned to the caller with the video. */
export type { VideoWarning } from './video-model/v1/warning.js';
/** The model interface and the values passed across it. */
export type { ImageInput, VideoCallOptions } from './video-model/v1/video-call-options.js';
export type { VideoModelV1 } from './video-model/v1/video-model.js';
export type {
  VideoFailure,
  VideoFile,
  VideoStartResult,
  VideoStatusResult,
  VideoVariant,
  WebhookEvent,
} from './video-model/v1/video-results.js';
/**
 * The errors the gateway renders in OpenAI's error shape. Adapters throw `ProviderApiError`,
 * `EngineBusyError`, `InvalidRequestError`, `PolicyViolationError` and (from `parseWebhook`)
 * `AuthenticationError`; the others are the gateway's own.
 */
export {
  AuthenticationError,
  ConflictError,
  GatewayError,
  IdempotencyConflictError,
  InvalidRequestError,
  NotFoundError,
  PolicyViolationError,
  ProviderApiError,
  EngineBusyError,
} from './video-model/v1/errors.js';
/** The constructor options of `GatewayError`. */
export type { GatewayErrorOptions } from './video-model/v1/errors.js';
