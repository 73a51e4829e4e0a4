/**
 * A 64-bit hash as two 32-bit halves, parsed once per list entry: bit counting on numbers is
 * ~20x faster than on a bigint, which matters when every screen walks a whole list.
 */
export interface Hash64 {
  high: number;
  low: number;
}

export function parseHexHash(hex: string): Hash64 {
  return {
    high: Number.parseInt(hex.slice(0, 8), 16) >>> 0,
    low: Number.parseInt(hex.slice(8, 16), 16) >>> 0,
  };
}

function bitCount(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Differing bits between two 64-bit hashes. */
export function hammingDistance(left: Hash64, right: Hash64): number {
  return bitCount((left.high ^ right.high) >>> 0) + bitCount((left.low ^ right.low) >>> 0);
}
