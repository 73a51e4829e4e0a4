import { commonWords } from './common-words.js';
import type { CompiledPack, TermSource } from './compiled-pack.js';

/**
 * Whether words glued together plausibly hide one term. Runs of single letters (`f u c k`,
 * `p.i.k.a`) always do; otherwise at least one piece must be a fragment rather than an ordinary
 * word, so "the pen is red" never reads as a body part.
 */
function gluedPiecesAreEvasive(pieces: string[]): boolean {
  return pieces.some((piece) => !commonWords.has(piece));
}

/**
 * Terms hidden by separators. Only spans that start at a word's start and end at a word's end
 * are compared, so "Scunthorpe", "cocktail" and "therapist" never match a shorter term inside
 * them. A single word equal to a squashed multi-word name ("taylorswift") counts only for
 * protected entities: for generic phrases it is how innocent compounds look.
 */
export function matchSquashed(compiled: CompiledPack, words: string[]): TermSource[] {
  const hits: TermSource[] = [];
  for (let start = 0; start < words.length; start += 1) {
    let glued = '';
    for (let end = start; end < words.length; end += 1) {
      glued += words[end];
      if (glued.length > compiled.longestSquashedForm) break;
      const phrases = compiled.phrasesBySquashedForm.get(glued);
      if (phrases == null) continue;
      const pieces = words.slice(start, end + 1);
      for (const phrase of phrases) {
        if (
          pieces.length === phrase.words.length &&
          pieces.every((piece, index) => piece === phrase.words[index])
        )
          continue;
        const accepted =
          pieces.length > 1 ? gluedPiecesAreEvasive(pieces) : phrase.source.entityId != null;
        if (accepted) hits.push(phrase.source);
      }
    }
  }
  return hits;
}
