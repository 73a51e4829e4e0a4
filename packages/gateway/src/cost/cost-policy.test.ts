import type { VideoCapabilities } from '@vgw/spec';
import { describe, expect, it } from 'vitest';
import { failureBilling } from '../providers/failure-billing.js';
import { fakeCapabilities } from '../test-support/fake-video-model.js';
import { createCostPolicy } from './cost-policy.js';
import { settlementOfFailure } from './settlement.js';

const capabilities: VideoCapabilities = {
  ...fakeCapabilities,
  price: { ...fakeCapabilities.price, microUsdPerSecond: 100_000, bySize: { '720x1280': 150_000 } },
};
const model = { id: 'fake/fake-1', capabilities };
const landscape = { seconds: 4, width: 1280, height: 720 };
const portrait = { seconds: 8, width: 720, height: 1280 };

describe('the cost policy', () => {
  it('estimates from the list price, per size where the list gives one', () => {
    const policy = createCostPolicy();
    expect(policy.estimate(model, landscape)).toEqual({
      microUsd: 400_000,
      microUsdPerSecond: 100_000,
      basis: 'list_price',
    });
    expect(policy.estimate(model, portrait).microUsd).toBe(1_200_000);
  });

  it('prefers the configured price, and its per-size price, over the list', () => {
    const policy = createCostPolicy({
      prices: { 'fake/fake-1': { microUsdPerSecond: 50_000, bySize: { '1280x720': 70_000 } } },
    });
    expect(policy.estimate(model, landscape)).toEqual({
      microUsd: 280_000,
      microUsdPerSecond: 70_000,
      basis: 'configured',
    });
    // The configured price replaces the list's per-size prices too.
    expect(policy.estimate(model, portrait)).toMatchObject({
      microUsd: 400_000,
      basis: 'configured',
    });
  });

  it('rounds to a whole micro-dollar', () => {
    const odd = {
      ...model,
      capabilities: { ...capabilities, price: { ...capabilities.price, microUsdPerSecond: 333 } },
    };
    expect(createCostPolicy().estimate(odd, { ...landscape, seconds: 2.5 }).microUsd).toBe(833);
  });

  it('settles failures by the provider billing rules, unknown ones at risk', () => {
    const policy = createCostPolicy({
      billing: {
        runway: failureBilling({ input_moderated: 'billed', render_failed: 'not_billed' }),
      },
    });
    const moderated = {
      code: 'content_policy_violation',
      message: 'no',
      retryable: false,
      param: 'prompt',
    };
    expect(settlementOfFailure(policy.billingOf('runway'), moderated, true)).toEqual({
      outcome: 'billed',
      rule: 'billed:input_moderated',
    });
    const failed = { code: 'render_failed', message: 'no', retryable: false };
    expect(settlementOfFailure(policy.billingOf('runway'), failed, true).outcome).toBe(
      'not_billed',
    );
    expect(settlementOfFailure(policy.billingOf('runway'), failed, false).rule).toBe(
      'not_billed:start_rejected',
    );
    expect(settlementOfFailure(policy.billingOf('nobody'), failed, true)).toEqual({
      outcome: 'unknown',
      rule: 'unknown:render_failed',
    });
  });
});
