import { describe, expect, it } from 'vitest';
import { expandAlternatives } from './expand-alternatives.js';

describe('expandAlternatives', () => {
  it('expands every combination and keeps the spaces between words', () => {
    expect(expandAlternatives('{cutting|slitting} {her|his} wrists')).toEqual([
      'cutting her wrists',
      'cutting his wrists',
      'slitting her wrists',
      'slitting his wrists',
    ]);
  });

  it('leaves plain phrases alone and rejects an unclosed brace', () => {
    expect(expandAlternatives('pipe bomb')).toEqual(['pipe bomb']);
    expect(() => expandAlternatives('{a|b')).toThrow(/unclosed/);
  });
});
