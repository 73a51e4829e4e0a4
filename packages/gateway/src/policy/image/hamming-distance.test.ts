import { describe, expect, it } from 'vitest';
import { hammingDistance, parseHexHash } from './hamming-distance.js';

function bigintDistance(left: string, right: string): number {
  return [...(BigInt(`0x${left}`) ^ BigInt(`0x${right}`)).toString(2)].filter((bit) => bit === '1')
    .length;
}

describe('hammingDistance', () => {
  it('counts differing bits across both halves', () => {
    const zero = parseHexHash('0000000000000000');
    expect(hammingDistance(zero, zero)).toBe(0);
    expect(hammingDistance(zero, parseHexHash('ffffffffffffffff'))).toBe(64);
    expect(hammingDistance(zero, parseHexHash('8000000000000001'))).toBe(2);
    expect(
      hammingDistance(parseHexHash('f0f0f0f000000000'), parseHexHash('0f0f0f0f00000000')),
    ).toBe(32);
  });

  it('agrees with a bigint count on many pairs', () => {
    let state = 12345;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state.toString(16).padStart(8, '0');
    };
    for (let index = 0; index < 500; index += 1) {
      const left = next() + next();
      const right = next() + next();
      expect(hammingDistance(parseHexHash(left), parseHexHash(right))).toBe(
        bigintDistance(left, right),
      );
    }
  });
});
