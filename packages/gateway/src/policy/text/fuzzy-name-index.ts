import { boundedDamerauLevenshtein } from './damerau-levenshtein.js';

/** How far a misspelling of this word may be: none below 5 letters, 1 up to 8, 2 beyond. */
export function allowedDistance(word: string): number {
  if (word.length < 5) return 0;
  return word.length > 8 ? 2 : 1;
}

function deletions(word: string, depth: number, into: Set<string>): void {
  if (depth === 0) return;
  for (let index = 0; index < word.length; index += 1) {
    const shorter = word.slice(0, index) + word.slice(index + 1);
    if (!into.has(shorter)) {
      into.add(shorter);
      deletions(shorter, depth - 1, into);
    }
  }
}

/**
 * A symmetric-deletion index over name words: a misspelling and the name share a form with at
 * most two letters deleted, so a lookup costs a few dozen map reads instead of a distance
 * computation against every name.
 */
export class FuzzyNameIndex {
  private readonly byDeletion = new Map<string, Set<string>>();
  private readonly words = new Set<string>();
  private shortest = Infinity;
  private longest = 0;
  /** Prompts repeat their words; a bounded memo saves the deletion work on the next prompt. */
  private readonly memo = new Map<string, string[]>();
  /** Lexicon words of three or four letters, by first letter. */
  private readonly shortByInitial = new Map<string, string[]>();

  add(word: string): void {
    const distance = allowedDistance(word);
    if (distance === 0 || this.words.has(word)) return;
    this.words.add(word);
    this.shortest = Math.min(this.shortest, word.length);
    this.longest = Math.max(this.longest, word.length);
    const forms = new Set([word]);
    deletions(word, distance, forms);
    for (const form of forms) {
      const bucket = this.byDeletion.get(form) ?? new Set<string>();
      bucket.add(word);
      this.byDeletion.set(form, bucket);
    }
  }

  /**
   * A term too short for the ordinary index (`sex`, `csam`). Its misspellings must keep the first
   * letter and be one edit away, so `nfsw` and `seyx` reach it but few stray words do.
   */
  addShort(word: string): void {
    if (word.length < 3 || word.length > 4 || this.words.has(word)) return;
    this.words.add(word);
    const initial = word[0]!;
    const bucket = this.shortByInitial.get(initial) ?? [];
    bucket.push(word);
    this.shortByInitial.set(initial, bucket);
  }

  /** Short terms one edit from `word`, which has three to five letters and the same first one. */
  lookupShort(word: string): string[] {
    if (word.length < 3 || word.length > 5) return [];
    return (this.shortByInitial.get(word[0]!) ?? []).filter(
      (candidate) =>
        candidate !== word &&
        Math.abs(candidate.length - word.length) <= 1 &&
        boundedDamerauLevenshtein(word, candidate, 1) <= 1,
    );
  }

  /** Whether the word is itself a name word (misspellings of it may still point elsewhere). */
  has(word: string): boolean {
    return this.words.has(word);
  }

  /** Name words within their allowed distance of `word`, the word itself excluded. */
  lookup(word: string): string[] {
    if (word.length < 4 || word.length < this.shortest - 2 || word.length > this.longest + 2) {
      return [];
    }
    const known = this.memo.get(word);
    if (known != null) return known;
    const found = this.search(word);
    if (this.memo.size >= 20_000) this.memo.clear();
    this.memo.set(word, found);
    return found;
  }

  private search(word: string): string[] {
    const forms = new Set([word]);
    // Two deletions only where a distance-2 name (over 8 letters) can be reached.
    deletions(word, word.length >= 8 ? 2 : 1, forms);
    const found = new Set<string>();
    for (const form of forms) {
      for (const candidate of this.byDeletion.get(form) ?? []) {
        if (candidate === word || found.has(candidate)) continue;
        const limit = allowedDistance(candidate);
        if (boundedDamerauLevenshtein(word, candidate, limit) <= limit) found.add(candidate);
      }
    }
    return [...found];
  }
}
