import type { RemoteTransport } from './remote-call.js';
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
export interface RemoteCheckOptions extends RemoteTransport {
  failureMode: FailureMode;
  /** Default `pre`. */
  stage?: PolicyStage;
  /** Overrides the check's default id, to run two of a kind (two webhooks). */
  id?: string;
  /** A monotonic clock in ms for `latencyMs`; default `performance.now`. */
  now?: () => number;
}

/** What a check that asks a model behind an OpenAI-style API is built with. */
export interface ModelApiCheckOptions extends RemoteCheckOptions {
  baseURL?: string;
  apiKey?: string;
  /** The model the service runs; each check has its default. */
  model?: string;
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

/** The fixed parts of a model-API check: its version names the model; `url` is `path` on the base URL. */
export function modelApiCheckBase(
  options: ModelApiCheckOptions,
  defaults: {
    id: string;
    implementationVersion: string;
    model: string;
    baseURL: string;
    path: string;
  },
): RemoteCheckBase & { model: string; url: string } {
  const model = options.model ?? defaults.model;
  const base = remoteCheckBase(options, {
    id: defaults.id,
    version: `${defaults.implementationVersion}:${model}`,
  });
  // Without trailing slashes on the base, so the URL has exactly one before the path.
  const url = `${(options.baseURL ?? defaults.baseURL).replace(/\/+$/, '')}${defaults.path}`;
  return { ...base, model, url };
}

/** A check from its fixed parts and how it screens one input; every screening is timed. */
export function remoteCheck(
  base: RemoteCheckBase,
  screen: (input: RemoteCheckInput, context: RemoteCheckContext) => Promise<RemoteVerdict>,
): RemoteCheck {
  return {
    id: base.id,
    version: base.version,
    stage: base.stage,
    failureMode: base.failureMode,
    screen: (input, context) => timedOutcome(base, context.param, () => screen(input, context)),
  };
}

/** Runs one screening and turns its verdict into the check's outcome, timed. */
async function timedOutcome(
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

/** One part of a multimodal message or input, as OpenAI-style APIs take it. */
export type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string } };

/** The prompt, then the image as a `data:` URL. */
export function contentParts(input: RemoteCheckInput): ContentPart[] {
  const parts: ContentPart[] = [];
  if (hasPrompt(input)) parts.push({ type: 'text', text: input.prompt });
  if (input.image != null) {
    const { bytes, mediaType } = input.image;
    const url = `data:${mediaType};base64,${Buffer.from(bytes).toString('base64')}`;
    parts.push({ type: 'image_url', image_url: { url } });
  }
  return parts;
}
