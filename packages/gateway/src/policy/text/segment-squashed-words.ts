/** The longest dictionary word tried when splitting: longer words are rare and slow the split. */
const longestWord = 22;
/** Below this a run of letters is an ordinary word or an abbreviation, not squashed text. */
const shortestSplit = 6;
/** At most this share of a split may be letters no word covers (names the dictionary lacks). */
const unknownShare = 0.25;
const unknownLetterCost = 3;

/**
 * What one piece of a split costs, or null where it is no word. Frequent words are cheap and
 * rare short words dear, so `crownonavelvetcushion` reads `crown on a velvet cushion`, not
 * `crow nona velvet cush io n`.
 */
export type PieceCost = (piece: string) => number | null;

/** Rare words this short make a split a guess (`do cum et nary` from a misspelt documentary). */
export const weakPieceCost = 3;

interface Split {
  cost: number;
  from: number;
  known: boolean;
  weak: boolean;
}

function bestSplits(run: string, pieceCost: PieceCost): Split[] {
  const best: Split[] = [{ cost: 0, from: 0, known: true, weak: false }];
  for (let end = 1; end <= run.length; end += 1) {
    const previous = best[end - 1]!;
    let chosen: Split = {
      cost: previous.cost + unknownLetterCost,
      from: end - 1,
      known: false,
      weak: previous.weak,
    };
    for (let start = Math.max(0, end - longestWord); start < end; start += 1) {
      const own = pieceCost(run.slice(start, end));
      if (own == null) continue;
      const cost = best[start]!.cost + own;
      if (cost < chosen.cost)
        chosen = {
          cost,
          from: start,
          known: true,
          weak: best[start]!.weak || own >= weakPieceCost,
        };
    }
    best.push(chosen);
  }
  return best;
}

/**
 * A run of letters written without spaces (`nudechildonabeach`) split into words, or null where
 * it is too short, is a word already, needs a rare scrap of a word, or is mostly letters no word
 * covers (`scunthorpe` must not become `s cunt horpe`). Uncovered letters stay one piece.
 */
export function segmentSquashed(run: string, pieceCost: PieceCost): string[] | null {
  if (run.length < shortestSplit || pieceCost(run) != null || !/^\p{L}+$/u.test(run)) return null;
  const best = bestSplits(run, pieceCost);
  if (best[run.length]!.weak) return null;
  const pieces: string[] = [];
  let unknown = 0;
  let unknownPieces = 0;
  let pending = '';
  for (let end = run.length; end > 0; ) {
    const split = best[end]!;
    const piece = run.slice(split.from, end);
    if (split.known) {
      if (pending !== '') {
        pieces.push(pending);
        unknownPieces += 1;
      }
      pending = '';
      pieces.push(piece);
    } else {
      unknown += 1;
      pending = piece + pending;
    }
    end = split.from;
  }
  if (pending !== '') {
    pieces.push(pending);
    unknownPieces += 1;
  }
  // One name the dictionary lacks is plausible; words found between scraps are a coincidence.
  if (pieces.length < 2 || unknownPieces > 1 || unknown > run.length * unknownShare) return null;
  return pieces.reverse();
}
