import type { FetchFunction } from '../../provider-http/provider-http.js';
import type {
  CheckOutcome,
  FailureMode,
  PolicyFinding,
  PolicyParam,
  PolicyStage,
} from '../policy-types.js';

/** What a remote check screens: the prompt, an image (the input reference or an output frame), or both. */
export interface RemoteCheckInput {
  prompt?: string;
  image?: { bytes: Uint8Array; mediaType: string };
}

export interface RemoteCheckContext {
  param: PolicyParam;
}

/** A check that asks a service. It never throws: a failed call is an outcome with `error` set. */
export interface RemoteCheck {
  id: string;
  version: string;
  stage: PolicyStage;
  failureMode: FailureMode;
  screen(input: RemoteCheckInput, context: RemoteCheckContext): Promise<CheckOutcome>;
}

/** What every remote check is built with. */
export interface RemoteCheckOptions {
  fetch: FetchFunction;
  /** The whole call, answer read included. */
  timeoutMs: number;
  failureMode: FailureMode;
  /** Default `pre`. */
  stage?: PolicyStage;
  /** Overrides the check's default id, to run two of a kind (two webhooks). */
  id?: string;
  /** An abort signal that fires after `ms`; default `AbortSignal.timeout`. Tests abort by hand. */
  timeout?: (ms: number) => AbortSignal;
  /** A monotonic clock in ms for `latencyMs`; default `performance.now`. */
  now?: () => number;
}

/** What one call found, or why it could not say. */
export type RemoteVerdict =
  | { findings: PolicyFinding[]; scores: Record<string, number> }
  | { error: string };

/** The fixed parts of a check built from its options, and the clock it times calls with. */
export interface RemoteCheckBase {
  id: string;
  version: string;
  stage: PolicyStage;
  failureMode: FailureMode;
  now: () => number;
}

export function remoteCheckBase(
  options: RemoteCheckOptions,
  defaults: { id: string; version: string },
): RemoteCheckBase {
  return {
    id: options.id ?? defaults.id,
    version: defaults.version,
    stage: options.stage ?? 'pre',
    failureMode: options.failureMode,
    now: options.now ?? (() => performance.now()),
  };
}

/** Runs one screening and turns its verdict into the check's outcome, timed. */
export async function timedOutcome(
  base: RemoteCheckBase,
  param: PolicyParam,
  screen: () => Promise<RemoteVerdict>,
): Promise<CheckOutcome> {
  const started = base.now();
  const verdict = await screen();
  const outcome: CheckOutcome = {
    checkId: base.id,
    checkVersion: base.version,
    stage: base.stage,
    param,
    findings: 'error' in verdict ? [] : verdict.findings,
    scores: 'error' in verdict ? {} : verdict.scores,
    latencyMs: Math.max(0, base.now() - started),
  };
  if ('error' in verdict) outcome.error = verdict.error;
  return outcome;
}

/** Nothing to send (an empty prompt and no image, or only what this service cannot see). */
export const nothingScreened: RemoteVerdict = { findings: [], scores: {} };

export function hasPrompt(input: RemoteCheckInput): input is RemoteCheckInput & { prompt: string } {
  return input.prompt != null && input.prompt.length > 0;
}

/** An image as the `data:` URL OpenAI-style APIs take in an `image_url` part. */
export function imageDataUrl(image: { bytes: Uint8Array; mediaType: string }): string {
  return `data:${image.mediaType};base64,${Buffer.from(image.bytes).toString('base64')}`;
}

/** The base URL without trailing slashes, so `${base}/path` has exactly one. */
export function trimBaseUrl(baseURL: string): string {
  return baseURL.replace(/\/+$/, '');
}
