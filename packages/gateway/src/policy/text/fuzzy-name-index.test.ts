import { describe, expect, it } from 'vitest';
import { allowedDistance, FuzzyNameIndex } from './fuzzy-name-index.js';

describe('FuzzyNameIndex', () => {
  const index = new FuzzyNameIndex();
  for (const word of ['taylor', 'swift', 'schwarzenegger', 'elsa']) index.add(word);

  it('finds a misspelling within distance 1 for 5–8 letters', () => {
    expect(index.lookup('tayler')).toEqual(['taylor']);
    expect(index.lookup('swfit')).toEqual(['swift']);
    expect(index.lookup('swiiff')).toEqual([]);
  });

  it('allows distance 2 beyond 8 letters', () => {
    expect(index.lookup('shwarzeneger')).toEqual(['schwarzenegger']);
  });

  it('never fuzzes names under 5 letters', () => {
    expect(allowedDistance('elsa')).toBe(0);
    expect(index.lookup('else')).toEqual([]);
  });
});
