/**
 * Wire types of the gateway's OpenAI-compatible `/v1/videos` API. The OpenAI fields keep their
 * OpenAI shapes; `provider`, `fps`, `seed`, `warnings`, `cost`, `scores` and `error.param` are vgw's
 * additive extensions. Hand-written so the SDK has no dependencies;
 * `packages/cli/src/client/sdk-video-drift.test.ts` holds them to the gateway's wire schema.
 */

import type { VideoRatingsSummary } from './video-ratings.js';
import type { VideoScoresSummary } from './video-scores.js';

export type VideoStatus = 'queued' | 'in_progress' | 'completed' | 'failed';

export type VideoContentVariant = 'video' | 'thumbnail' | 'spritesheet';

/** Why a video failed, e.g. `{ code: 'cancelled' }` or `{ code: 'content_policy_violation' }`. */
export interface VideoFailure {
  code: string;
  message: string;
  /** vgw extension: the input a refusal concerns (e.g. `'prompt'`), when the engine knows it. */
  param?: string;
}

/** Something the gateway changed or ignored to serve the request (e.g. 7 s coerced to 8 s). */
export interface VideoWarning {
  // Known kinds are listed for editors; the gateway may add kinds without breaking old clients.
  type: 'unsupported' | 'compatibility' | 'route' | 'other' | (string & {});
  param?: string;
  message: string;
  requested?: string | number;
  used?: string | number;
  /** `route`: the target model a route skipped or moved on from. */
  target?: string;
}

/** vgw extension: one try at rendering a video (a route's fallback or re-roll is a new one). */
export interface VideoAttempt {
  model: string;
  provider: string;
  status: 'in_progress' | 'completed' | 'failed' | 'rejected';
  error: VideoFailure | null;
  /** USD with six decimals once settled; null while it runs or its billing is unknown. */
  cost_usd: string | null;
}

/** vgw extension: a video's cost, USD as strings with six decimals (e.g. `'0.400000'`). */
export interface VideoCost {
  /** Estimated before anything ran, and reserved against budgets. */
  estimate_usd: string;
  /** Once settled; null until then, and while the billing is unknown (the estimate at risk). */
  actual_usd: string | null;
  basis: 'list_price' | 'configured' | 'provider_reported';
}

/** vgw extension: `videos.estimate` — a create, priced and checked, with nothing written. */
export interface VideoEstimate {
  object: 'video.estimate';
  /** The model the create would render with (a route's chosen target), and its provider. */
  model: string;
  provider: string;
  /** The route the request named; null when it named a model. */
  route: string | null;
  /** A route's other eligible targets, in the order a fallback would try them. */
  fallbacks: { model: string; provider: string; estimate_usd: string }[];
  /** What would render, after any coercion (see `warnings`). */
  seconds: string;
  size: string;
  cost: Pick<VideoCost, 'estimate_usd' | 'basis'> & { usd_per_second: string };
  warnings: VideoWarning[];
}

export interface Video {
  id: string;
  object: 'video';
  model: string;
  status: VideoStatus;
  /** Approximate percent complete, 0–100. */
  progress: number;
  /** Unix seconds. */
  created_at: number;
  completed_at: number | null;
  /** When the downloadable assets expire (unix seconds). */
  expires_at: number | null;
  prompt: string | null;
  /** A string on the wire, as in OpenAI's API, e.g. `'8'`. */
  seconds: string;
  /** `WIDTHxHEIGHT`, e.g. `'1280x720'`. */
  size: string;
  remixed_from_video_id: string | null;
  error: VideoFailure | null;
  /** vgw extension: the provider that renders the video. */
  provider: string;
  /** vgw extension. */
  fps: number;
  /** vgw extension. */
  seed: number | null;
  /** vgw extension. */
  warnings: VideoWarning[];
  /** vgw extension: estimate and actual cost; null for videos made before costs were kept. */
  cost?: VideoCost | null;
  /** vgw extension: every try at rendering it, in order; the last is the current one. */
  attempts?: VideoAttempt[];
  /** vgw extension: temporal-stability summary once scored; null or absent until then. */
  scores?: VideoScoresSummary | null;
  /** vgw extension: how the output is labelled as AI-generated; null until completed. */
  provenance?: VideoProvenance | null;
  /** vgw extension: what the ratings say; null or absent until someone rates it. */
  ratings?: VideoRatingsSummary | null;
}

/** A signed C2PA manifest inside the MP4, beside it (`variant=c2pa`), or none. */
export interface VideoProvenance {
  c2pa: 'embedded' | 'sidecar' | 'none';
}

/** An image that guides the first frame, given by URL or `data:` URL. */
export interface InputReferenceURL {
  image_url: string;
}

export interface VideoCreateParams {
  prompt: string;
  model?: string;
  seconds?: string | number;
  size?: string;
  seed?: number;
  fps?: number;
  /** A Blob/File is uploaded as multipart/form-data; a URL object is sent as JSON. */
  input_reference?: InputReferenceURL | Blob;
  /** Provider-specific inputs keyed by provider name, e.g. `{ runway: { ... } }`. */
  provider_options?: Record<string, unknown>;
}

export interface VideoRemixParams {
  prompt: string;
}

export interface VideoListParams {
  after?: string;
  limit?: number;
  order?: 'asc' | 'desc';
}

export interface VideoContentParams {
  variant?: VideoContentVariant;
}

export interface VideoDeleted {
  id: string;
  object: 'video.deleted';
  deleted: true;
}

/** One page of a cursor-paginated list, as the gateway sends it. */
export interface CursorPageBody<Item> {
  object: 'list';
  data: Item[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

export type VideoList = CursorPageBody<Video>;

/** Engines are passed through loosely: their shape belongs to the gateway's registry. */
export type Engine = Record<string, unknown>;

export interface EngineList {
  object: 'list';
  data: Engine[];
}

/** The error body every non-2xx JSON response carries. */
export interface ErrorObject {
  message: string;
  type: string | null;
  param: string | null;
  code: string | null;
  /** vgw extension on `content_policy_violation`: which policy refused and by which rules. */
  policy?: PolicyRefusal;
}

/** Why the gateway's policy refused an input: never an opaque refusal. */
export interface PolicyRefusal {
  version: string;
  category: string | null;
  rules: string[];
  stage: 'pre' | 'post' | 'log-only';
}
