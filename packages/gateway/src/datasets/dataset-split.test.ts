import { describe, expect, it } from 'vitest';
import { hashFraction, splitOf } from './dataset-split.js';

describe('splitOf', () => {
  it('puts the same id in the same split on every call', () => {
    const ids = Array.from({ length: 200 }, (_, index) => `video_${index.toString(16)}`);
    const first = ids.map((id) => splitOf(id, 0.2));
    expect(ids.map((id) => splitOf(id, 0.2))).toEqual(first);
  });

  it('draws about the asked fraction over many ids', () => {
    const ids = Array.from({ length: 20_000 }, (_, index) => `video_${index}`);
    for (const fraction of [0.05, 0.1, 0.3]) {
      const validation = ids.filter((id) => splitOf(id, fraction) === 'validation').length;
      expect(validation / ids.length).toBeGreaterThan(fraction - 0.01);
      expect(validation / ids.length).toBeLessThan(fraction + 0.01);
    }
  });

  it('keeps everything in train at 0, and a validation clip stays there as the share grows', () => {
    const ids = Array.from({ length: 1000 }, (_, index) => `v${index}`);
    expect(ids.every((id) => splitOf(id, 0) === 'train')).toBe(true);
    const atTen = ids.filter((id) => splitOf(id, 0.1) === 'validation');
    expect(atTen.every((id) => splitOf(id, 0.2) === 'validation')).toBe(true);
  });

  it('reads the hash as a fraction in [0, 1)', () => {
    // sha256("abc") starts ba7816bf8f01.
    expect(hashFraction('abc')).toBe(0xba7816bf8f01 / 2 ** 48);
  });
});
