import { createHash } from 'node:crypto';

/** A deterministic stream of choices derived from a sha256 of its parts. */
export interface HashRandom {
  /** A float in [0, 1). */
  fraction(): number;
  /** An integer in [min, max]. */
  integer(min: number, max: number): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  pick<T>(values: readonly T[]): T;
}

/**
 * sha256 in counter mode: block n is sha256(seedDigest || n). Unlike Math.random it gives the
 * same choices for the same parts on every machine, which makes renders reproducible.
 */
export function createHashRandom(parts: readonly string[]): HashRandom {
  const seedDigest = createHash('sha256').update(JSON.stringify(parts)).digest();
  let block = Buffer.alloc(0);
  let offset = 0;
  let counter = 0;

  function nextWord(): number {
    if (offset + 4 > block.length) {
      const counterBytes = Buffer.alloc(4);
      counterBytes.writeUInt32BE(counter);
      counter += 1;
      block = createHash('sha256').update(seedDigest).update(counterBytes).digest();
      offset = 0;
    }
    const word = block.readUInt32BE(offset);
    offset += 4;
    return word;
  }

  const fraction = (): number => nextWord() / 2 ** 32;
  return {
    fraction,
    integer: (min, max) => min + Math.floor(fraction() * (max - min + 1)),
    between: (min, max) => min + fraction() * (max - min),
    pick<T>(values: readonly T[]): T {
      const value = values[Math.floor(fraction() * values.length)];
      if (value === undefined) throw new RangeError('pick from an empty list');
      return value;
    },
  };
}
