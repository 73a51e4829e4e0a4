import { describe, expect, it } from 'vitest';
import { boundedDamerauLevenshtein } from './damerau-levenshtein.js';

describe('boundedDamerauLevenshtein', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(boundedDamerauLevenshtein('swfit', 'swift', 2)).toBe(1);
  });

  it('counts substitutions, insertions and deletions', () => {
    expect(boundedDamerauLevenshtein('tayler', 'taylor', 2)).toBe(1);
    expect(boundedDamerauLevenshtein('pikachuu', 'pikachu', 2)).toBe(1);
    expect(boundedDamerauLevenshtein('schwarzeneger', 'schwarzenegger', 2)).toBe(1);
    expect(boundedDamerauLevenshtein('kitten', 'sitting', 5)).toBe(3);
  });

  it('stops at limit + 1', () => {
    expect(boundedDamerauLevenshtein('pikachu', 'batman', 2)).toBe(3);
  });
});
