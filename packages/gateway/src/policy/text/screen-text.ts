import type { PolicyFinding } from '../policy-types.js';
import type { CompiledPack, TermSource } from './compiled-pack.js';
import { decodeBase64Runs } from './decode-base64-runs.js';
import { hasDottedRun } from './join-separated-letters.js';
import type { CompiledMinorAge } from './detect-minor-age.js';
import { statesMinorAge } from './detect-minor-age.js';
import { matchDescriptions } from './match-descriptions.js';
import { matchPhrases } from './match-phrases.js';
import { pairedTermsInsideSquashed } from './match-inside-squashed.js';
import { matchSquashed } from './match-squashed.js';
import { textVariants } from './text-variants.js';
import { collapseRepeats, hasLongRun } from './tokenize-text.js';
import type { TextReading } from './text-variants.js';
import { wordCandidates } from './word-candidates.js';
import type { MisspellingMode, WordCandidates } from './word-candidates.js';

/** What one screen found before allowlists and combinations: term hits and a stated minor age. */
export interface TextHits {
  terms: TermSource[];
  minorAge: boolean;
}

interface LeetReading {
  words: string[];
  candidates: WordCandidates[];
}

const misspellingModes: Record<TextReading['kind'], MisspellingMode> = {
  native: 'exact',
  ages: 'exact',
  folded: 'loose',
  joined: 'loose',
  leet: 'strict',
  segmented: 'strict',
};

/**
 * Candidates per word, computed once per distinct word of the prompt. Leet readings differ
 * letter by letter ("1" as i or l), so they are merged word by word with the previous one: an
 * innocent phrase read one way still excuses a term read the other way.
 */
function readingCandidates(
  compiled: CompiledPack,
  reading: TextReading,
  cache: Map<string, WordCandidates>,
  previous: LeetReading | null,
): WordCandidates[] {
  const mode = misspellingModes[reading.kind];
  const candidates = reading.words.map((word) => {
    const key = `${mode}:${word}`;
    let found = cache.get(key);
    if (found == null) {
      found = wordCandidates(compiled, word, mode);
      cache.set(key, found);
    }
    return found;
  });
  if (
    reading.kind !== 'leet' ||
    previous == null ||
    previous.words.length !== reading.words.length
  ) {
    return candidates;
  }
  return candidates.map((own, index) => {
    const other = previous.candidates[index]!;
    if (other === own) return own;
    const merged = new Map(own);
    for (const [word, misspelt] of other) if (!merged.has(word)) merged.set(word, misspelt);
    return merged;
  });
}

const widelySpaced = /[\p{L}\p{N}]\s{2,}[\p{L}\p{N}]/u;

function screenOnce(
  compiled: CompiledPack,
  minorAge: CompiledMinorAge | null,
  text: string,
  into: TextHits,
): void {
  const variants = textVariants(text, compiled.fold);
  const cache = new Map<string, WordCandidates>();
  let previous: LeetReading | null = null;
  const segmented = compiled.segmenter.split(variants.camelWords);
  const readings: TextReading[] = [...variants.readings];
  if (segmented != null) readings.push({ kind: 'segmented', words: segmented });
  // Text joined from dots or wide gaps has its words back; gluing its letters again finds accidents.
  const joined =
    readings.some((reading) => reading.kind === 'joined') &&
    (widelySpaced.test(text) || hasDottedRun(text));
  for (const reading of readings) {
    if (reading.kind === 'ages') {
      if (minorAge != null && !into.minorAge)
        into.minorAge = statesMinorAge(reading.words, minorAge);
      continue;
    }
    const candidates = readingCandidates(compiled, reading, cache, previous);
    if (reading.kind === 'leet') previous = { words: reading.words, candidates };
    into.terms.push(...matchPhrases(compiled, candidates));
    into.terms.push(...matchDescriptions(compiled, candidates));
    const glue = reading.kind !== 'native' && !(reading.kind === 'folded' && joined);
    if (glue) into.terms.push(...matchSquashed(compiled, reading.words));
    if (minorAge != null && !into.minorAge) into.minorAge = statesMinorAge(reading.words, minorAge);
    // Stretched ages ("twelveee yeaaar oooold") read once more with the runs collapsed.
    if (minorAge != null && !into.minorAge && reading.words.some(hasLongRun))
      into.minorAge = statesMinorAge(reading.words.map(collapseRepeats), minorAge);
  }
  for (const term of compiled.unspacedScriptTerms) {
    if (variants.nativeLetters.includes(term.letters)) into.terms.push(term.source);
  }
  addPairedInside(compiled, variants.readings[0]!.words, into);
}

/** Inside-squashed hits count only when, with what the screen found already, both sides of the pair are there. */
function addPairedInside(compiled: CompiledPack, words: string[], into: TextHits): void {
  const inside = pairedTermsInsideSquashed(compiled, words);
  if (inside.length === 0) return;
  const all = [...into.terms, ...inside];
  const minors = into.minorAge || all.some((term) => term.category === 'minors');
  if (minors && all.some((term) => term.category === 'sexual')) into.terms.push(...inside);
}

/** Every reading of the text and of any base64 payload inside it, matched against the pack. */
export function findTextHits(
  compiled: CompiledPack,
  minorAge: CompiledMinorAge | null,
  text: string,
): TextHits {
  const hits: TextHits = { terms: [], minorAge: false };
  screenOnce(compiled, minorAge, text, hits);
  for (const payload of decodeBase64Runs(text)) screenOnce(compiled, minorAge, payload, hits);
  return hits;
}

/** Term hits as findings, one per rule or entity, allowlisted entities downgraded to flags. */
export function termFindings(
  hits: TextHits,
  compiled: CompiledPack,
  allowlisted: ReadonlySet<string>,
): PolicyFinding[] {
  const byRule = new Map<string, PolicyFinding>();
  for (const term of hits.terms) {
    if (byRule.has(term.ruleId)) continue;
    const licensed = term.entityId != null && allowlisted.has(term.entityId);
    byRule.set(term.ruleId, {
      ruleId: term.ruleId,
      category: term.category,
      effect: licensed ? 'flag' : term.effect,
      score: 1,
    });
  }
  const minorAge = compiled.minorAge;
  if (hits.minorAge && minorAge != null && !byRule.has(minorAge.rule)) {
    byRule.set(minorAge.rule, {
      ruleId: minorAge.rule,
      category: 'minors',
      effect: minorAge.effect,
      score: 1,
    });
  }
  return [...byRule.values()];
}
