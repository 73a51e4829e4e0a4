import { commonWords } from './common-words.js';
import type { CompiledPack, TermSource } from './compiled-pack.js';
import type { WordCandidates } from './word-candidates.js';

/** How many words apart a description's keywords may be and still describe one thing. */
const window = 14;

function wordPositions(readings: WordCandidates[]): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  readings.forEach((candidates, index) => {
    for (const word of candidates.keys()) {
      const list = positions.get(word);
      if (list == null) positions.set(word, [index]);
      else list.push(index);
    }
  });
  return positions;
}

/** Whether all keywords but one, two of them distinctive, sit within the window of one anchor. */
function describedAt(
  keywords: string[],
  positions: Map<string, number[]>,
  anchor: number,
): boolean {
  const near = keywords.filter((keyword) =>
    (positions.get(keyword) ?? []).some((position) => Math.abs(position - anchor) <= window),
  );
  const distinctive = near.filter((keyword) => !commonWords.has(keyword)).length;
  // A paraphrase may drop or change one keyword of a longer description, never two.
  const needed = keywords.length >= 3 ? keywords.length - 1 : keywords.length;
  return near.length >= needed && distinctive >= 2;
}

/**
 * Circumlocutions ("the yellow electric mouse from the pocket monster games"): the keywords of a
 * description, one of three or more allowed missing, in any order within a short window.
 * Paraphrases drop or swap a word; the distinctive keywords are what identify the character.
 */
export function matchDescriptions(
  compiled: CompiledPack,
  readings: WordCandidates[],
): TermSource[] {
  const positions = wordPositions(readings);
  const hits: TermSource[] = [];
  for (const description of compiled.descriptions) {
    const present = description.keywords.filter((keyword) => positions.has(keyword));
    if (present.length < Math.max(2, description.keywords.length - 1)) continue;
    const anchors = present.flatMap((keyword) => positions.get(keyword)!);
    if (anchors.some((anchor) => describedAt(description.keywords, positions, anchor)))
      hits.push(description.source);
  }
  return hits;
}
