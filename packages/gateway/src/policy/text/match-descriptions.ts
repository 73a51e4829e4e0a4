import type { CompiledPack, TermSource } from './compiled-pack.js';
import type { WordCandidates } from './word-candidates.js';

/** How many words apart a description's keywords may be and still describe one thing. */
const window = 14;

/**
 * Circumlocutions ("the yellow electric mouse from the pocket monster games"): every keyword of a
 * description present, in any order, within a short window. Word order and filler vary between
 * paraphrases; the keyword set is what identifies the character.
 */
export function matchDescriptions(
  compiled: CompiledPack,
  readings: WordCandidates[],
): TermSource[] {
  const positions = new Map<string, number[]>();
  readings.forEach((candidates, index) => {
    for (const word of candidates.keys()) {
      const list = positions.get(word);
      if (list == null) positions.set(word, [index]);
      else list.push(index);
    }
  });
  const hits: TermSource[] = [];
  for (const description of compiled.descriptions) {
    const [first, ...rest] = description.keywords;
    const anchors = positions.get(first!) ?? [];
    const found = anchors.some((anchor) =>
      rest.every((keyword) =>
        (positions.get(keyword) ?? []).some((position) => Math.abs(position - anchor) <= window),
      ),
    );
    if (found) hits.push(description.source);
  }
  return hits;
}
