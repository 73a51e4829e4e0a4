import type { PolicyCategory } from '../policy-types.js';
import type { CompiledPack, TermSource } from './compiled-pack.js';

/** Only words this long are read as many words with no spaces at all. */
const longSquash = 12;
/** Shorter terms turn up inside ordinary words too often to mean anything (`nu`, `sex`). */
const shortestInside = 5;
const pairedCategories: ReadonlySet<PolicyCategory> = new Set(['minors', 'sexual']);

/**
 * Offsets where the segmenter's pieces of `word` start, its start and end included; null where
 * no split into words exists, so no span of it is the inside of a word.
 */
function pieceBoundaries(compiled: CompiledPack, word: string): Set<number> | null {
  const pieces = compiled.segmenter.split([word]);
  if (pieces == null) return null;
  const boundaries = new Set<number>([0]);
  let offset = 0;
  for (const piece of pieces) {
    offset += piece.length;
    boundaries.add(offset);
  }
  return boundaries;
}

/** Whether the span crosses a boundary or is a piece itself, so it is not a word's inside. */
function spansPieces(boundaries: Set<number> | null, start: number, end: number): boolean {
  if (boundaries == null) return true;
  if (boundaries.has(start) && boundaries.has(end)) return true;
  for (let offset = start + 1; offset < end; offset += 1) if (boundaries.has(offset)) return true;
  return false;
}

function termsInsideWord(compiled: CompiledPack, word: string, into: TermSource[]): void {
  const boundaries = pieceBoundaries(compiled, word);
  for (let start = 0; start < word.length; start += 1) {
    for (let end = start + 1; end <= word.length; end += 1) {
      const span = word.slice(start, end);
      const phrases = compiled.phrasesBySquashedForm.get(span);
      if (phrases != null && span.length >= shortestInside && spansPieces(boundaries, start, end)) {
        for (const phrase of phrases) {
          const source = phrase.source;
          if (source.entityId == null && pairedCategories.has(source.category)) into.push(source);
        }
      }
      if (!compiled.squashedPrefixes.has(span)) break;
    }
  }
}

/**
 * Minors and sexual terms inside long words written with no spaces, in any language
 * (`menordeedadenunvideoporno`, `minorperformingasexact`), where a dictionary split may read the
 * wrong words (`as exact`) or none. A term that sits inside one piece of the split (`sussex`,
 * `therapist`) does not count. Such hits are weak: the screen keeps them only when they complete
 * the minors-and-sexual pair, never alone.
 */
export function pairedTermsInsideSquashed(
  compiled: CompiledPack,
  words: readonly string[],
): TermSource[] {
  const found: TermSource[] = [];
  for (const word of words) {
    if (word.length >= longSquash && /^\p{L}+$/u.test(word)) termsInsideWord(compiled, word, found);
  }
  return found;
}
