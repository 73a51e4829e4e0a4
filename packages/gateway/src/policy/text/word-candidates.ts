import { commonWords } from './common-words.js';
import type { CompiledPack } from './compiled-pack.js';
import { collapseRepeats, hasLongRun, singularForms } from './tokenize-text.js';

/** Lexicon words a text word may stand for; `true` marks a misspelling (fuzzy) reading. */
export type WordCandidates = Map<string, boolean>;

/**
 * How freely a reading's words may be misspellings. `exact`: native script, none. `loose`: the
 * text as written, folded or joined: a word outside everyday English may be a typo, short terms
 * included. `strict`: words the screen made itself (leet guesses, dictionary splits), so only
 * words no dictionary knows, and never the short terms, which such guesses hit by chance.
 */
export type MisspellingMode = 'exact' | 'loose' | 'strict';

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

/** Short words read as short terms only with the letters kept (`sxe`) or one edit at length 4+. */
function shortMisspellings(compiled: CompiledPack, word: string): string[] {
  const found = compiled.fuzzyNames.lookupShort(word);
  if (word.length > 3) return found;
  const letters = [...word].sort().join('');
  return found.filter((term) => [...term].sort().join('') === letters);
}

function isGuarded(compiled: CompiledPack, word: string, mode: MisspellingMode): boolean {
  // A real word is never a misspelling: "baked" is not "naked", "manor" is not "minor".
  if (commonWords.has(word) || compiled.frequentWords.has(word)) return true;
  if (mode === 'strict' && compiled.dictionary.has(word)) return true;
  // A lexicon word is never a misspelling, but one name's spelling may be another's typo.
  if (compiled.knownWords.has(word) && !compiled.fuzzyNames.has(word)) return true;
  // Digits are numbers, and stretched letters are read collapsed instead.
  return /\d/.test(word) || hasLongRun(word);
}

function addMisspellings(
  compiled: CompiledPack,
  word: string,
  mode: MisspellingMode,
  candidates: WordCandidates,
): void {
  if (word.length < 3 || isGuarded(compiled, word, mode)) return;
  const short = mode === 'loose' && word.length < 5 ? shortMisspellings(compiled, word) : [];
  for (const name of [...short, ...compiled.fuzzyNames.lookup(word)]) {
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
  mode: MisspellingMode,
): WordCandidates {
  const candidates: WordCandidates = new Map([[word, false]]);
  for (const singular of singularForms(word)) candidates.set(singular, false);
  addCollapsed(compiled, word, candidates);
  addStems(compiled, word, candidates);
  if (mode !== 'exact') addMisspellings(compiled, word, mode, candidates);
  return candidates;
}
