/** A 32-bit FNV-1a hash: a stable seed from a row id, the same on every machine and run. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A source of uniform numbers in [0, 1), the same sequence for the same seed. */
export type RandomSource = () => number;

/**
 * Mulberry32: small, fast and good enough to choose letters or resample indices; never used for
 * anything secret. The same seed gives the same sequence on every machine.
 */
export function numberSeededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `numberSeededRandom` seeded from text (a row id). */
export function seededRandom(seed: string): RandomSource {
  return numberSeededRandom(hashSeed(seed));
}

/** One item of a non-empty list, chosen by the random source. */
export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick needs a non-empty list');
  return item;
}
