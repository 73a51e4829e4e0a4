import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/config-schema.js';
import { ConfigError } from '../config/load-config.js';
import { createModelRegistry } from '../providers/model-registry.js';
import { createFakeVideoModel } from '../test-support/fake-video-model.js';
import { costPolicyFromConfig } from './cost-policy-from-config.js';

const registry = createModelRegistry([createFakeVideoModel()], 'fake/fake-1');
const render = { seconds: 4, width: 1280, height: 720 };

describe('prices from config', () => {
  it('override the list price, converted to micro-USD', () => {
    const config = configSchema.parse({
      prices: { 'fake/fake-1': { usdPerSecond: 0.02, bySize: { '1280x720': 0.03 } } },
    });
    const [entry] = registry.list();
    expect(costPolicyFromConfig(config, registry).estimate(entry!, render)).toEqual({
      microUsd: 120_000,
      microUsdPerSecond: 30_000,
      basis: 'configured',
    });
  });

  it('refuse a price for a model the gateway does not know', () => {
    const config = configSchema.parse({ prices: { 'acme/nothing': { usdPerSecond: 0.1 } } });
    expect(() => costPolicyFromConfig(config, registry)).toThrow(ConfigError);
    expect(() => costPolicyFromConfig(config, registry)).toThrow(
      /prices\.acme\/nothing: no such model; known models: fake\/fake-1/,
    );
  });

  it.each([
    [{ usdPerSecond: -0.1 }, /cannot be negative/],
    [{ usdPerSecond: 250 }, /a typo/],
    [{ usdPerSecond: 0.1, bySize: { big: 0.2 } }, /WIDTHxHEIGHT/],
    [{ usdPerSecond: 0.1, perMinute: 3 }, /unrecognized key/i],
  ])('refuse a bad price %j', (price, reason) => {
    const parsed = configSchema.safeParse({ prices: { 'fake/fake-1': price } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.message).toMatch(reason);
  });
});
