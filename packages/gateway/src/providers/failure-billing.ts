import type { VideoFailure } from '@vgw/spec';

/**
 * The ways a render can end without a video, told apart because providers bill them differently
 * (Runway charges moderated generations in full; Kling charges no failed task). Routing and cost
 * read these as data to decide what a failure spent and where to retry.
 */
export const failureClasses = [
  /** The provider refused the create call: no job exists upstream. */
  'start_rejected',
  /** A job was created and then refused for its prompt or image. */
  'input_moderated',
  /** The render finished and its output was withheld by the provider's moderation. */
  'output_moderated',
  /** The job failed upstream for any other reason. */
  'render_failed',
  /** The gateway gave up at the provider's time cap and cancelled upstream (best effort). */
  'timed_out',
  /** The job was cancelled upstream (by the gateway when a video is deleted, or by someone else). */
  'cancelled',
] as const;

export type FailureClass = (typeof failureClasses)[number];

/** `unknown` means the provider's documentation does not say: cost must assume it was billed. */
export type BillingOutcome = 'billed' | 'not_billed' | 'unknown';

export type FailureBilling = Readonly<Record<FailureClass, BillingOutcome>>;

/**
 * A provider's billing rules: what it documents, and `unknown` for the rest. A refused create
 * never bills anywhere: nothing was started.
 */
export function failureBilling(documented: Partial<Record<FailureClass, BillingOutcome>>) {
  const rules: Record<FailureClass, BillingOutcome> = {
    start_rejected: 'not_billed',
    input_moderated: 'unknown',
    output_moderated: 'unknown',
    render_failed: 'unknown',
    timed_out: 'unknown',
    cancelled: 'unknown',
  };
  return Object.freeze({ ...rules, ...documented }) satisfies FailureBilling;
}

/**
 * Which class a failed video's failure falls in. `started` says whether the provider accepted
 * the job (an operation was saved): a failure before that is a refused create whatever its code.
 */
export function failureClassOf(failure: VideoFailure, started: boolean): FailureClass {
  if (!started) return 'start_rejected';
  if (failure.code === 'content_policy_violation') {
    return failure.param === 'output' ? 'output_moderated' : 'input_moderated';
  }
  if (failure.code === 'upstream_timeout') return 'timed_out';
  if (failure.code === 'cancelled') return 'cancelled';
  return 'render_failed';
}
