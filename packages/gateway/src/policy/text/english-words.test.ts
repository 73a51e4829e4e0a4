import { describe, expect, it } from 'vitest';
import { loadEnglishWords } from './english-words.js';

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
