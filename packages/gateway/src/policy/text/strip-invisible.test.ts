import { describe, expect, it } from 'vitest';
import { dropCombiningMarks, rawLowerForm, stripInvisible } from './strip-invisible.js';

describe('stripInvisible', () => {
  it('removes zero-width characters instead of splitting the word', () => {
    expect(stripInvisible('T\u200Bay\u200Clo\u200Dr\u2060 S\uFEFFwift')).toBe('Taylor Swift');
  });

  it('removes bidi embeddings, overrides and isolates', () => {
    expect(stripInvisible('\u202Epika\u202Cchu \u2066x\u2069 \u200Fy\u200E')).toBe('pikachu x y');
  });

  it('removes variation selectors, the soft hyphen and the combining grapheme joiner', () => {
    expect(stripInvisible('po\u00ADr\uFE0Fn\u034F')).toBe('porn');
  });

  it('folds fullwidth and mathematical letters with NFKC', () => {
    expect(stripInvisible('Ｄａｒｔｈ Ｖａｄｅｒ')).toBe('Darth Vader');
    expect(stripInvisible('𝓑𝓪𝓽𝓶𝓪𝓷 𝔰𝔭𝔬𝔫𝔤𝔢𝔟𝔬𝔟')).toBe('Batman spongebob');
  });

  it('keeps ordinary text, other scripts included', () => {
    expect(rawLowerForm('Пикачу ピカチュウ')).toBe('пикачу ピカチュウ');
  });
});

describe('dropCombiningMarks', () => {
  it('drops accents and stacked marks', () => {
    expect(dropCombiningMarks('niño n̴̡̛ude')).toBe('nino nude');
  });
});
