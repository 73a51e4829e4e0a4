import { mapWords, substituteCharacters, wordsOf } from './mutation.js';
import type { Mutation } from './mutation.js';
import { pick } from './seeded-random.js';

const leetTable = new Map<string, readonly string[]>([
  ['a', ['4', '@']],
  ['e', ['3']],
  ['i', ['1', '!']],
  ['o', ['0']],
  ['s', ['5', '$']],
  ['t', ['7']],
  ['l', ['1']],
  ['b', ['8']],
  ['g', ['9']],
  ['A', ['4', '@']],
  ['E', ['3']],
  ['I', ['1']],
  ['O', ['0']],
  ['S', ['5', '$']],
  ['T', ['7']],
]);

export const leetspeak: Mutation = (text, random) =>
  substituteCharacters(text, leetTable, 0.7, random);

/** QWERTY neighbours: the substitutions a hurried typist makes. */
const neighbours: Record<string, string> = {
  a: 'sq',
  b: 'vn',
  c: 'xv',
  d: 'sf',
  e: 'wr',
  f: 'dg',
  g: 'fh',
  h: 'gj',
  i: 'uo',
  j: 'hk',
  k: 'jl',
  l: 'k',
  m: 'n',
  n: 'bm',
  o: 'ip',
  p: 'o',
  r: 'et',
  s: 'ad',
  t: 'ry',
  u: 'yi',
  v: 'cb',
  w: 'qe',
  y: 'tu',
  z: 'x',
};

/** The word with one adjacent pair of differing letters swapped, never the first letter. */
function transpose(letters: string[], random: () => number): string[] | null {
  const positions = letters
    .map((_, index) => index)
    .filter(
      (index) => index >= 1 && index + 1 < letters.length && letters[index] !== letters[index + 1],
    );
  if (positions.length === 0) return null;
  const at = pick(random, positions);
  const swapped = [...letters];
  [swapped[at], swapped[at + 1]] = [letters[at + 1] ?? '', letters[at] ?? ''];
  return swapped;
}

/** The word with one interior letter replaced by a keyboard neighbour. */
function substitute(letters: string[], random: () => number): string[] | null {
  const positions = letters
    .map((_, index) => index)
    .filter((index) => index >= 1 && neighbours[(letters[index] ?? '').toLowerCase()] != null);
  if (positions.length === 0) return null;
  const at = pick(random, positions);
  const original = letters[at] ?? '';
  const replacement = pick(random, Array.from(neighbours[original.toLowerCase()] ?? original));
  const out = [...letters];
  out[at] = original === original.toUpperCase() ? replacement.toUpperCase() : replacement;
  return out;
}

function misspell(word: string, random: () => number): string {
  const letters = Array.from(word);
  const first = random() < 0.5 ? transpose : substitute;
  const second = first === transpose ? substitute : transpose;
  return (first(letters, random) ?? second(letters, random) ?? letters).join('');
}

/**
 * The names carry the meaning, so the misspelt words are the capitalised ones first (an entity
 * name), then the longest; at most two per prompt, each of five letters or more where any are.
 */
function targetWords(text: string): Set<string> {
  const words = [...new Set(wordsOf(text).filter((word) => /^\p{L}+$/u.test(word)))];
  const long = words.filter((word) => word.length >= 5);
  const pool = long.length > 0 ? long : words.filter((word) => word.length >= 3);
  const capitalised = (word: string) => (/^\p{Lu}/u.test(word) ? 0 : 1);
  const ranked = [...pool].sort(
    (left, right) => capitalised(left) - capitalised(right) || right.length - left.length,
  );
  return new Set(ranked.slice(0, 2));
}

export const misspelling: Mutation = (text, random) => {
  const targets = targetWords(text);
  const spelled = new Map([...targets].map((word) => [word, misspell(word, random)]));
  return mapWords(text, (word) => spelled.get(word) ?? word);
};
