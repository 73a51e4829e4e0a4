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

  add(word: string): void {
    const distance = allowedDistance(word);
    if (distance === 0 || this.words.has(word)) return;
    this.words.add(word);
    const forms = new Set([word]);
    deletions(word, distance, forms);
    for (const form of forms) {
      const bucket = this.byDeletion.get(form) ?? new Set<string>();
      bucket.add(word);
      this.byDeletion.set(form, bucket);
    }
  }

  /** Name words within their allowed distance of `word`, the word itself excluded. */
  lookup(word: string): string[] {
    if (word.length < 4 || this.words.size === 0) return [];
    const forms = new Set([word]);
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
