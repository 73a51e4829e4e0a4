import { commonWords } from './common-words.js';
import type { PieceCost } from './segment-squashed-words.js';
import { segmentSquashed, weakPieceCost } from './segment-squashed-words.js';
import { hasLongRun } from './tokenize-text.js';

export interface SegmenterWords {
  dictionary: ReadonlySet<string>;
  /** Words of the pack's terms and names (`pikachu` is in no dictionary). */
  packWords: ReadonlySet<string>;
  /** Innocent phrases squashed (`middlesex`, `bananacreampie`): kept whole so they still excuse. */
  innocent: ReadonlySet<string>;
}

const scraps = new Set(['ex', 'ed', 'al', 'ma', 'pa', 'er', 'um', 'oh', 'ok', 'ox']);

function pieceCosts(words: SegmenterWords): PieceCost {
  return (piece) => {
    if (words.innocent.has(piece)) return 0.5;
    // The article glued on is the commonest squash: `inasexualscene` is `in a sexual scene`.
    if (piece === 'a') return -0.1;
    if (piece.length === 1) return piece === 'i' ? 1 : null;
    // Interjections and abbreviations are frequent words but poor pieces: `havings ex` hides `sex`.
    if (scraps.has(piece)) return weakPieceCost;
    if (commonWords.has(piece)) return 1;
    const known = words.dictionary.has(piece);
    // A short name the dictionary lacks (`ksi`) turns up by chance inside squashed words.
    if (!known && (piece.length < 4 || !words.packWords.has(piece))) return null;
    if (piece.length >= 5) return 1.1;
    if (piece.length === 4) return 1.6;
    return piece.length === 3 ? 2 : weakPieceCost;
  };
}

/**
 * Splits squashed words into words, remembering recent answers because prompts repeat their
 * words. Stretched words (`kkkkill`) are left to the repeated-letter reading.
 */
export class WordSegmenter {
  private readonly memo = new Map<string, string[] | null>();
  private readonly cost: PieceCost;
  private readonly packWords: ReadonlySet<string>;

  constructor(words: SegmenterWords) {
    this.cost = pieceCosts(words);
    this.packWords = words.packWords;
  }

  /** The words with every squashed one split; null when none was. */
  split(words: readonly string[]): string[] | null {
    let changed = false;
    const out: string[] = [];
    for (const word of words) {
      const pieces = this.pieces(word);
      if (pieces == null) out.push(word);
      else {
        changed = true;
        out.push(...pieces);
      }
    }
    return changed ? out : null;
  }

  private pieces(word: string): string[] | null {
    if (this.packWords.has(word) || hasLongRun(word)) return null;
    const known = this.memo.get(word);
    if (known !== undefined) return known;
    const found = segmentSquashed(word, this.cost);
    if (this.memo.size >= 20_000) this.memo.clear();
    this.memo.set(word, found);
    return found;
  }
}
