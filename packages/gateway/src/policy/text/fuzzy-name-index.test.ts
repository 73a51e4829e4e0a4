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

describe('FuzzyNameIndex short terms', () => {
  const index = new FuzzyNameIndex();
  for (const word of ['sex', 'csam', 'nsfw']) index.addShort(word);

  it('reaches a short term one edit away with the first letter kept', () => {
    expect(index.lookupShort('seyx')).toEqual(['sex']);
    expect(index.lookupShort('caam')).toEqual(['csam']);
    expect(index.lookupShort('nfsw')).toEqual(['nsfw']);
  });

  it('never across a changed first letter or two edits', () => {
    expect(index.lookupShort('wsex')).toEqual([]);
    expect(index.lookupShort('sxxyy')).toEqual([]);
    expect(index.lookupShort('sex')).toEqual([]);
  });
});
