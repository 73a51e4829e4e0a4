import { describe, expect, it } from 'vitest';
import { failureBilling, failureClasses, failureClassOf } from './failure-billing.js';

describe('failureClassOf', () => {
  it.each([
    [{ code: 'provider_rejected', message: 'no', retryable: false }, false, 'start_rejected'],
    [
      { code: 'content_policy_violation', message: 'no', retryable: false },
      false,
      'start_rejected',
    ],
    [
      { code: 'content_policy_violation', message: 'no', retryable: false, param: 'prompt' },
      true,
      'input_moderated',
    ],
    [
      { code: 'content_policy_violation', message: 'no', retryable: false, param: 'output' },
      true,
      'output_moderated',
    ],
    [{ code: 'upstream_timeout', message: 'slow', retryable: false }, true, 'timed_out'],
    [{ code: 'cancelled', message: 'gone', retryable: false }, true, 'cancelled'],
    [{ code: 'render_failed', message: 'boom', retryable: true }, true, 'render_failed'],
  ] as const)('%o (started: %s) is %s', (failure, started, expected) => {
    expect(failureClassOf(failure, started)).toBe(expected);
  });
});

describe('failureBilling', () => {
  it('fills every class, never billing a refused create, and keeps what the provider documents', () => {
    const rules = failureBilling({ input_moderated: 'billed' });
    expect(Object.keys(rules).sort()).toEqual([...failureClasses].sort());
    expect(rules).toMatchObject({
      start_rejected: 'not_billed',
      input_moderated: 'billed',
      render_failed: 'unknown',
    });
    expect(Object.isFrozen(rules)).toBe(true);
  });
});
