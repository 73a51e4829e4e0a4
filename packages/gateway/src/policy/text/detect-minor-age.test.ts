import { describe, expect, it } from 'vitest';
import { compileMinorAge, statesMinorAge } from './detect-minor-age.js';
import { tokenize } from './tokenize-text.js';

const minorAge = compileMinorAge({
  rule: 'minors.stated-age',
  effect: 'flag',
  below: 18,
  units: ['year', 'years', 'yo', 'yr', 'años', 'ans'],
});
const states = (text: string) => statesMinorAge(tokenize(text.toLowerCase()), minorAge);

describe('statesMinorAge', () => {
  it('reads ages below the limit in several shapes', () => {
    expect(states('a 12 year old')).toBe(true);
    expect(states('a twelve-year-old')).toBe(true);
    expect(states('13yo')).toBe(true);
    expect(states('aged 9')).toBe(true);
    expect(states('una chica de 15 años')).toBe(true);
  });

  it('reads typos of number words and units outside everyday words', () => {
    const guarded = compileMinorAge(
      { rule: 'minors.stated-age', effect: 'flag', below: 18, units: ['year', 'years', 'old'] },
      new Set(['there', 'tree', 'yeah']),
    );
    const read = (text: string) => statesMinorAge(tokenize(text), guarded);
    expect(read('a twelvr year old')).toBe(true);
    expect(read('ten yeae old')).toBe(true);
    expect(read('there years old')).toBe(false);
    expect(read('ten yeah')).toBe(false);
    expect(read('twentyy years old')).toBe(false);
  });

  it('ignores adult ages and plain counts', () => {
    expect(states('a 25 year old')).toBe(false);
    expect(states('18 years old')).toBe(false);
    expect(states('5 kids and 3 dogs')).toBe(false);
  });
});
