import type { CompiledPack, CompiledPhrase, TermSource } from './compiled-pack.js';
import type { WordCandidates } from './word-candidates.js';

function phraseAt(phrase: CompiledPhrase, readings: WordCandidates[], start: number): boolean {
  let misspelt = false;
  for (let offset = 0; offset < phrase.words.length; offset += 1) {
    const fuzzy = readings[start + offset]?.get(phrase.words[offset]!);
    if (fuzzy == null) return false;
    misspelt ||= fuzzy;
  }
  if (!misspelt) return true;
  // A lone misspelt name needs length to mean anything ("carla" is not "carly"); a misspelt term
  // is a word the dictionary does not know, close to one the pack lists.
  const shortest = 5;
  const long = phrase.words.length > 1 || phrase.words[0]!.length >= shortest;
  return phrase.source.fuzzy && (long || phrase.source.entityId == null);
}

/** Whether an innocent longer phrase (`suicide squad`) covers the match at `start`. */
export function excused(
  phrase: CompiledPhrase,
  readings: WordCandidates[],
  start: number,
): boolean {
  return phrase.except.some((innocent) =>
    innocent.some((_, shift) => {
      const from = start - shift;
      if (from < 0) return false;
      return innocent.every((word, offset) => readings[from + offset]?.has(word) === true);
    }),
  );
}

/** Every phrase of the pack that occurs in one reading, word by word. */
export function matchPhrases(compiled: CompiledPack, readings: WordCandidates[]): TermSource[] {
  const hits: TermSource[] = [];
  for (let start = 0; start < readings.length; start += 1) {
    for (const candidate of readings[start]!.keys()) {
      for (const phrase of compiled.phrasesByFirstWord.get(candidate) ?? []) {
        if (phraseAt(phrase, readings, start) && !excused(phrase, readings, start))
          hits.push(phrase.source);
      }
    }
  }
  return hits;
}
