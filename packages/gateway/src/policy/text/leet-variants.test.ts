import { describe, expect, it } from 'vitest';
import { leetKeepingNumbers, leetVariants } from './leet-variants.js';

describe('leetVariants', () => {
  it('reads digits and symbols inside words as letters', () => {
    expect(leetVariants('m1ck3y m0u5e')).toContain('mickey mouse');
    expect(leetVariants('$3x @ss p0rn')).toContain('sex ass porn');
  });

  it('reads 1 both as i and as l', () => {
    expect(leetVariants('1oli')).toEqual(['ioli', 'loli']);
  });

  it('leaves plain numbers alone', () => {
    expect(leetVariants('5 kids at 1080')).toEqual([]);
    expect(leetVariants('a cat')).toEqual([]);
  });

  it('reads ! and | as letters only between letters', () => {
    expect(leetVariants('k!d hello!')).toEqual(['kid hello!']);
  });
});

describe('leetKeepingNumbers', () => {
  it('keeps all-digit words as numbers once leetspeak is in use', () => {
    expect(leetKeepingNumbers('b0y und3r 12')).toBe('boy under 12');
    expect(leetVariants('b0y und3r 12')).toContain('boy under i2');
    expect(leetKeepingNumbers('a boy under 12')).toBeNull();
  });
});
