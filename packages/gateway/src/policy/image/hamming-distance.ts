/** A 64-bit hash held as a bigint, parsed once per list entry. */
export function parseHexHash(hex: string): bigint {
  return BigInt(`0x${hex}`);
}

/** Differing bits between two 64-bit hashes. */
export function hammingDistance(left: bigint, right: bigint): number {
  let difference = left ^ right;
  let count = 0;
  while (difference !== 0n) {
    difference &= difference - 1n;
    count += 1;
  }
  return count;
}
