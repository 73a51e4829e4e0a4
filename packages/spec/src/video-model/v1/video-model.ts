import type { JSONObject, JSONValue } from './json-value.js';
import type { VideoCapabilities } from './video-capabilities.js';
import type { VideoWarning } from './warning.js';

export type VideoVariant = 'video' | 'thumbnail' | 'spritesheet';

/** An input image, already stored by the gateway. */
export interface ImageInput {
  path: string;
  mediaType: string;
}

export interface VideoCallOptions {
  prompt: string;
  seconds: number;
  width: number;
  height: number;
  fps: number;
  seed: number | null;
  inputReference: ImageInput | null;
  /** Minted once per billable start; the same key is sent again on every retry of that start. */
  idempotencyKey: string;
  providerOptions: JSONObject;
  abortSignal?: AbortSignal;
}

/** An output, either a file the engine wrote locally or a URL to download once. */
export type VideoFile =
  | { variant: VideoVariant; kind: 'file'; path: string; mediaType: string }
  | {
      variant: VideoVariant;
      kind: 'url';
      url: string;
      mediaType: string;
      /**
       * The URL is on the provider's operator-configured base URL (a ComfyUI on the LAN): its
       * origin is exempt from the private-address check (redirects elsewhere are still checked)
       * and `headers` are sent with it.
       */
      fromConfiguredOrigin?: boolean;
      headers?: Record<string, string>;
    };

export interface VideoStartResult {
  /** JSON the gateway stores; any worker continues the render from it after any restart. */
  operation: JSONValue;
  warnings: VideoWarning[];
  providerMetadata?: JSONObject;
}

export interface VideoFailure {
  code: string;
  message: string;
  retryable: boolean;
  /** Which input a refusal concerns, when the engine knows it (prompt, input_reference, output). */
  param?: string;
}

export type VideoStatusResult =
  | { status: 'pending'; progress?: number; retryAfterMs?: number }
  | { status: 'completed'; videos: VideoFile[]; providerMetadata?: JSONObject }
  | { status: 'failed'; error: VideoFailure };

/**
 * What an inbound provider webhook says: which render it concerns, as a fragment of that render's
 * `operation` JSON. The gateway only brings that render's next status check forward; the status
 * check stays the source of truth, so a forged or lost webhook changes nothing.
 */
export interface WebhookEvent {
  operationMatch: JSONObject;
  /**
   * The sender's unique id of this delivery, for signed webhooks (standard webhooks'
   * `webhook-id`): the gateway acts on each id once, so a captured message replayed within its
   * signature window changes nothing.
   */
  deliveryId?: string;
}

export interface VideoModelV1 {
  readonly specificationVersion: 'v1';
  readonly provider: string;
  readonly modelId: string;
  readonly capabilities: VideoCapabilities;
  /**
   * Checks `provider_options.<provider>` when the video is created, so a misspelt or invalid
   * option is a 400 at POST (naming `provider_options.<provider>.<key>`) rather than a failed
   * render later; throws the same InvalidRequestError `doStart` would.
   */
  parseOptions?(providerOptions: JSONObject): void;
  doStart(options: VideoCallOptions): Promise<VideoStartResult>;
  doStatus(args: { operation: JSONValue }): Promise<VideoStatusResult>;
  doCancel?(args: { operation: JSONValue }): Promise<void>;
  /** Called once the outputs are safely stored: frees what the engine keeps for this render. */
  doCleanup?(args: { operation: JSONValue }): Promise<void>;
  /** Reads (and verifies, where the provider signs) an inbound webhook; throws on a bad signature. */
  parseWebhook?(request: Request): Promise<WebhookEvent | null>;
}
