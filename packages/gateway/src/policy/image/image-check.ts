import type { CheckOutcome, PolicyStage } from '../policy-types.js';
import type { KnownImageHash } from './known-image-hash.js';
import { UnsafeImageError } from './unsafe-image-error.js';

/** Which image is screened: the request's reference image, or a frame of a finished video. */
export type ImageParam = 'input_reference' | 'output';

export interface ImageScreenContext {
  param: ImageParam;
  /** The project's own known-hash list (already schema-checked); empty when it has none. */
  projectHashes: readonly KnownImageHash[];
}

/** A named, versioned image check; the policy engine gives it its failure mode. */
export interface ImageCheck {
  id: string;
  version: string;
  screen(bytes: Uint8Array, context: ImageScreenContext): Promise<CheckOutcome>;
}

/** A reference image is screened before any upstream call; an output before it is served. */
export function stageOf(param: ImageParam): PolicyStage {
  return param === 'input_reference' ? 'pre' : 'post';
}

/**
 * The outcome of a check that could not screen: the failure mode decides, the reason says why.
 * An image refused by the decoder reads "input_reference is 20000x20000; ..."; a caller that
 * wants a 400 rather than a failure mode calls `decodeScreeningImage` first (the decode is shared).
 */
export function erroredOutcome(
  check: Pick<ImageCheck, 'id' | 'version'>,
  param: ImageParam,
  error: unknown,
  latencyMs: number,
): CheckOutcome {
  const message =
    error instanceof UnsafeImageError
      ? `${param} ${error.detail}`
      : `${param}: ${error instanceof Error ? error.message : String(error)}`;
  return {
    checkId: check.id,
    checkVersion: check.version,
    stage: stageOf(param),
    param,
    findings: [],
    scores: {},
    latencyMs,
    error: message,
  };
}
