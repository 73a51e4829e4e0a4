import { describe, expect, it } from 'vitest';
import { loadEnglishWords, loadFrequentEnglishWords } from './english-words.js';

describe('loadEnglishWords', () => {
  it('loads the shipped word list once', () => {
    const words = loadEnglishWords();
    expect(words.has('therapist')).toBe(true);
    expect(words.has('baked')).toBe(true);
    expect(words.has('sexula')).toBe(false);
    expect(words.size).toBeGreaterThan(200_000);
    expect(loadEnglishWords()).toBe(words);
  });
});

describe('loadFrequentEnglishWords', () => {
  it('knows words people write and leaves out rare ones', () => {
    const words = loadFrequentEnglishWords();
    for (const word of ['baked', 'manor', 'colour', 'color', 'dude', 'posing']) {
      expect(words.has(word)).toBe(true);
    }
    expect(words.has('nides')).toBe(false);
    expect(loadEnglishWords().has('nides')).toBe(true);
    expect(words.size).toBeGreaterThan(60_000);
    expect(words.size).toBeLessThan(loadEnglishWords().size);
    expect(loadFrequentEnglishWords()).toBe(words);
  });
});
