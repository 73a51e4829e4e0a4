import type { VideoFailure } from '@vgw/spec';
import {
  failureClassOf,
  type BillingOutcome,
  type FailureBilling,
} from '../providers/failure-billing.js';

/**
 * How an attempt's reservation ends: `billed` settles the estimate, `not_billed` settles 0,
 * `unknown` leaves the estimate at risk (counted as spent). `rule` says which rule decided it.
 */
export interface Settlement {
  outcome: BillingOutcome;
  rule: string;
}

/** A completed render is billed: the estimate for the seconds it rendered. */
export const completedSettlement: Settlement = { outcome: 'billed', rule: 'completed' };

/** A failed render settles by its provider's rule for that class of failure. */
export function settlementOfFailure(
  billing: FailureBilling,
  failure: VideoFailure,
  started: boolean,
): Settlement {
  const failureClass = failureClassOf(failure, started);
  const outcome = billing[failureClass];
  return { outcome, rule: `${outcome}:${failureClass}` };
}
