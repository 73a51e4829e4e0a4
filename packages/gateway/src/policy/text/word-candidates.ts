import { commonWords } from './common-words.js';
import type { CompiledPack } from './compiled-pack.js';
import { collapseRepeats, hasLongRun, singularForms } from './tokenize-text.js';

/** Lexicon words a text word may stand for; `true` marks a misspelling (fuzzy) reading. */
export type WordCandidates = Map<string, boolean>;

function addCollapsed(compiled: CompiledPack, word: string, candidates: WordCandidates): void {
  const collapsed = collapseRepeats(word);
  if (collapsed === word) return;
  // A doubled letter alone is ordinary spelling ("good"); only short words need a real stretch.
  if (collapsed.length < 4 && !hasLongRun(word)) return;
  for (const form of [collapsed, ...singularForms(collapsed)]) {
    for (const known of compiled.wordsByCollapsedForm.get(form) ?? []) {
      if (!candidates.has(known)) candidates.set(known, false);
    }
  }
}

function addMisspellings(compiled: CompiledPack, word: string, candidates: WordCandidates): void {
  // A real word is never a misspelling: "baked" is not "naked", "manor" is not "minor".
  if (word.length < 5 || commonWords.has(word) || compiled.dictionary.has(word)) return;
  // A lexicon word is never a misspelling, but one name's spelling may be another's typo.
  if (compiled.knownWords.has(word) && !compiled.fuzzyNames.has(word)) return;
  if (/\d/.test(word)) return;
  for (const name of compiled.fuzzyNames.lookup(word)) {
    if (!candidates.has(name)) candidates.set(name, true);
  }
}

function addStems(compiled: CompiledPack, word: string, candidates: WordCandidates): void {
  for (const stem of compiled.stemsByStart.get(word.slice(0, 3)) ?? []) {
    if (word.startsWith(stem)) candidates.set(`${stem}*`, false);
  }
}

/** The exact word, its singular, its collapsed-repeat reading and its near-misspellings. */
export function wordCandidates(
  compiled: CompiledPack,
  word: string,
  fuzzy: boolean,
): WordCandidates {
  const candidates: WordCandidates = new Map([[word, false]]);
  for (const singular of singularForms(word)) candidates.set(singular, false);
  addCollapsed(compiled, word, candidates);
  addStems(compiled, word, candidates);
  if (fuzzy) addMisspellings(compiled, word, candidates);
  return candidates;
}
