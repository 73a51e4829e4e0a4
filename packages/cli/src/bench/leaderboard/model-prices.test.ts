import { describe, expect, it } from 'vitest';
import { modelPrices, listPriceMicroUsd } from './model-prices.js';

describe('modelPrices', () => {
  const body = {
    object: 'list',
    data: [
      { id: 'local', capabilities: { price: { currency: 'USD', microUsdPerSecond: 0 } } },
      {
        id: 'luma/ray-2',
        capabilities: {
          price: { currency: 'USD', microUsdPerSecond: 141_558, bySize: { '960x540': 79_626 } },
        },
      },
      { id: 'odd/engine', capabilities: { price: 'call us' } },
      { id: 'bare/engine' },
    ],
  };

  it('reads each engine price and skips the unreadable ones', () => {
    const prices = modelPrices(body);
    expect([...prices.keys()]).toEqual(['local', 'luma/ray-2']);
    expect(prices.get('local')).toEqual({ microUsdPerSecond: 0 });
  });

  it('prices by size where the engine lists one, else per second', () => {
    const luma = modelPrices(body).get('luma/ray-2');
    if (luma == null) throw new Error('luma/ray-2 has a price');
    expect(listPriceMicroUsd(luma, '960x540', 5)).toBe(398_130);
    expect(listPriceMicroUsd(luma, '1280x720', 5)).toBe(707_790);
    expect(listPriceMicroUsd(luma, null, 0.5)).toBe(70_779);
  });

  it('is empty for a body that is not an engine list', () => {
    expect(modelPrices({ error: 'nope' }).size).toBe(0);
    expect(modelPrices(null).size).toBe(0);
  });
});
