import { mapWords, substituteCharacters } from './mutation.js';
import type { Mutation } from './mutation.js';

/** Latin letters and the Cyrillic or Greek letters that look the same (and the dotless i). */
const confusables = new Map<string, readonly string[]>([
  ['a', ['\u0430']],
  ['c', ['\u0441', '\u03f2']],
  ['e', ['\u0435']],
  ['i', ['\u0456', '\u0131']],
  ['j', ['\u0458']],
  ['o', ['\u043e', '\u03bf']],
  ['p', ['\u0440', '\u03c1']],
  ['s', ['\u0455']],
  ['x', ['\u0445']],
  ['y', ['\u0443']],
  ['h', ['\u04bb']],
  ['v', ['\u03bd']],
  ['A', ['\u0410', '\u0391']],
  ['B', ['\u0412', '\u0392']],
  ['C', ['\u0421']],
  ['E', ['\u0415', '\u0395']],
  ['H', ['\u041d', '\u0397']],
  ['I', ['\u0406', '\u0399']],
  ['K', ['\u041a', '\u039a']],
  ['M', ['\u041c', '\u039c']],
  ['N', ['\u039d']],
  ['O', ['\u041e', '\u039f']],
  ['P', ['\u0420', '\u03a1']],
  ['S', ['\u0405']],
  ['T', ['\u0422', '\u03a4']],
  ['X', ['\u0425', '\u03a7']],
  ['Y', ['\u03a5']],
  ['Z', ['\u0396']],
]);

export const homoglyph: Mutation = (text, random) =>
  substituteCharacters(text, confusables, 0.6, random);

const zeroWidthCharacters = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];
const bidiControls = [
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u061c',
];

/** Puts invisible characters between the letters of every word, at least one per word. */
function insideWords(text: string, invisibles: readonly string[], random: () => number): string {
  return mapWords(text, (word) => {
    const letters = Array.from(word);
    if (letters.length < 2) return word;
    const forced = 1 + Math.floor(random() * (letters.length - 1));
    return letters
      .map((letter, index) => {
        if (index === 0) return letter;
        const insert = index === forced || random() < 0.4;
        const invisible = invisibles[Math.floor(random() * invisibles.length)] ?? '';
        return insert ? `${invisible}${letter}` : letter;
      })
      .join('');
  });
}

export const zeroWidth: Mutation = (text, random) => insideWords(text, zeroWidthCharacters, random);

export const bidiControl: Mutation = (text, random) => insideWords(text, bidiControls, random);

/** Printable ASCII to its fullwidth form (U+FF01..U+FF5E), the space to the ideographic space. */
export const fullwidth: Mutation = (text) =>
  Array.from(text)
    .map((character) => {
      const code = character.codePointAt(0) ?? 0;
      if (code === 0x20) return '\u3000';
      if (code > 0x20 && code < 0x7f) return String.fromCodePoint(code + 0xfee0);
      return character;
    })
    .join('');

/** Letters to Mathematical Bold Script (𝓐 U+1D4D0, 𝓪 U+1D4EA), digits to Mathematical Bold. */
export const mathScript: Mutation = (text) =>
  Array.from(text)
    .map((character) => {
      const code = character.codePointAt(0) ?? 0;
      if (code >= 0x41 && code <= 0x5a) return String.fromCodePoint(0x1d4d0 + code - 0x41);
      if (code >= 0x61 && code <= 0x7a) return String.fromCodePoint(0x1d4ea + code - 0x61);
      if (code >= 0x30 && code <= 0x39) return String.fromCodePoint(0x1d7ce + code - 0x30);
      return character;
    })
    .join('');

/** Flips the case of letters at random, and at least one. */
export const caseNoise: Mutation = (text, random) => {
  const characters = Array.from(text);
  const flip = (character: string) => {
    const upper = character.toUpperCase();
    return upper === character ? character.toLowerCase() : upper;
  };
  let changed = false;
  const out = characters.map((character) => {
    if (flip(character) === character || random() >= 0.5) return character;
    changed = true;
    return flip(character);
  });
  const index = characters.findIndex((character) => flip(character) !== character);
  if (!changed && index >= 0) out[index] = flip(characters[index] ?? '');
  return out.join('');
};
