import { describe, expect, it } from 'vitest';
import { WordSegmenter } from './word-segmenter.js';

const segmenter = new WordSegmenter({
  dictionary: new Set([
    'nude',
    'child',
    'on',
    'beach',
    'middle',
    'sex',
    'havings',
    'having',
    'minor',
  ]),
  packWords: new Set(['pikachu', 'ksi', 'kkk']),
  innocent: new Set(['middlesex']),
});

describe('WordSegmenter', () => {
  it('splits squashed words and keeps the others', () => {
    expect(segmenter.split(['nudechildonabeach', 'now'])).toEqual([
      'nude',
      'child',
      'on',
      'a',
      'beach',
      'now',
    ]);
    expect(segmenter.split(['pikachuonabeach'])).toEqual(['pikachu', 'on', 'a', 'beach']);
  });

  it('keeps innocent compounds whole and returns null when nothing split', () => {
    expect(segmenter.split(['middlesex', 'beach'])).toBeNull();
  });

  it('prefers real words to interjections and skips short names and stretched words', () => {
    expect(segmenter.split(['minorhavingsex'])).toEqual(['minor', 'having', 'sex']);
    expect(segmenter.split(['ksising'])).toBeNull();
    expect(segmenter.split(['kkkkill'])).toBeNull();
  });
});
