import { commonWords } from './common-words.js';
import type { CompiledPack, CompiledPhrase, TermSource } from './compiled-pack.js';
import { excused } from './match-phrases.js';

/**
 * Whether words glued together plausibly hide one term. For a protected name one fragment that
 * is not an ordinary word is enough (`pika chu`). For a generic term a split needs a short
 * fragment that is not a word (`po rn`, `f u c k`): "the pen is red" and "banana cream pie" are
 * ordinary words that happen to spell something.
 */
function gluedPiecesAreEvasive(pieces: string[], isEntity: boolean): boolean {
  if (isEntity) return pieces.some((piece) => !commonWords.has(piece));
  return pieces.some((piece) => piece.length <= 2 && !commonWords.has(piece));
}

/** Whether an innocent phrase (`fucking austria`) covers the glued span once it is read whole. */
function gluedSpanExcused(
  phrase: CompiledPhrase,
  words: string[],
  start: number,
  end: number,
): boolean {
  if (phrase.except.length === 0) return false;
  const before = words.slice(Math.max(0, start - 6), start);
  const local = [...before, ...phrase.words, ...words.slice(end + 1, end + 7)];
  return excused(
    phrase,
    local.map((word) => new Map([[word, false]])),
    before.length,
  );
}

const singleLetterWords = new Set(['a', 'i']);

function isLetterFragment(word: string | undefined): boolean {
  return word != null && word.length === 1 && !singleLetterWords.has(word);
}

/**
 * A span of spelled-out letters must cover the whole run, or "p h y s i o t h e r a p i s t"
 * would hide a shorter term in its middle.
 */
function coversWholeLetterRun(words: string[], start: number, end: number): boolean {
  if (isLetterFragment(words[start]) && isLetterFragment(words[start - 1])) return false;
  return !(isLetterFragment(words[end]) && isLetterFragment(words[end + 1]));
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
      const phrases = compiled.phrasesBySquashedForm.get(glued);
      if (phrases == null) {
        if (compiled.squashedPrefixes.has(glued)) continue;
        break;
      }
      const pieces = words.slice(start, end + 1);
      if (!coversWholeLetterRun(words, start, end)) continue;
      for (const phrase of phrases) {
        if (
          pieces.length === phrase.words.length &&
          pieces.every((piece, index) => piece === phrase.words[index])
        )
          continue;
        const accepted =
          pieces.length > 1
            ? gluedPiecesAreEvasive(pieces, phrase.source.entityId != null)
            : phrase.source.entityId != null;
        if (accepted && !gluedSpanExcused(phrase, words, start, end)) hits.push(phrase.source);
      }
    }
  }
  return hits;
}
