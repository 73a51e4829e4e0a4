import { mapWords } from './mutation.js';
import type { Mutation } from './mutation.js';

function joinLetters(word: string, separator: string): string {
  return Array.from(word).join(separator);
}

/** `n u d e  c h i l d`: a space between letters, two between words. */
export const spacedLetters: Mutation = (text) =>
  text
    .split(/\s+/)
    .filter((part) => part !== '')
    .map((part) => joinLetters(part, ' '))
    .join('  ');

const dots = ['.', '.', '.', '-', '_', '*'];

/** `n.u.d.e c.h.i.l.d`: one separator per word, mostly dots. */
export const dottedLetters: Mutation = (text, random) =>
  mapWords(text, (word) => joinLetters(word, dots[Math.floor(random() * dots.length)] ?? '.'));

/** Words run together with no spaces at all. */
export const squashed: Mutation = (text) => text.replace(/\s+/g, '');

/** One letter of every word of three or more letters said two to four extra times. */
export const repeatedLetters: Mutation = (text, random) =>
  mapWords(text, (word) => {
    const letters = Array.from(word);
    if (letters.length < 3) return word;
    const index = Math.floor(random() * letters.length);
    const times = 2 + Math.floor(random() * 3);
    return letters
      .map((letter, position) => (position === index ? letter.repeat(times + 1) : letter))
      .join('');
  });
