import type { PolicyCategory } from '../policy-types.js';
import type { ConfusableFolder } from './fold-confusables.js';
import type { FuzzyNameIndex } from './fuzzy-name-index.js';
import type { CombinationRule, MinorAgeRule, PolicyPack } from './policy-pack-schema.js';
import type { WordSegmenter } from './word-segmenter.js';

/** What a matched phrase reports: the rule (or entity) it belongs to. */
export interface TermSource {
  ruleId: string;
  category: PolicyCategory;
  effect: 'block' | 'flag';
  /** Set for protected entities: the id a project allowlist names. */
  entityId: string | null;
  /** Whether misspellings of this phrase's words count. */
  fuzzy: boolean;
}

export interface CompiledPhrase {
  words: string[];
  source: TermSource;
  /** Longer phrases containing this one that make it innocent, as words. */
  except: string[][];
}

export interface CompiledDescription {
  keywords: string[];
  source: TermSource;
}

/** A pack turned into lookup tables once, so screening never loops over the whole lexicon. */
export interface CompiledPack {
  pack: PolicyPack;
  fold: ConfusableFolder;
  /** Phrases by their first word, in folded and in native spelling. */
  phrasesByFirstWord: Map<string, CompiledPhrase[]>;
  /** Every word of every phrase, for telling an exact word from a misspelling. */
  knownWords: Set<string>;
  /** Repeated letters collapsed → the lexicon words that collapse to it. */
  wordsByCollapsedForm: Map<string, string[]>;
  /** Phrases with their separators removed, for `p.i.k.a.c.h.u` and `pika chu`. */
  phrasesBySquashedForm: Map<string, CompiledPhrase[]>;
  /** Every proper prefix of a squashed form, so gluing stops as soon as nothing can follow. */
  squashedPrefixes: Set<string>;
  /** Han, kana, Hangul and Thai aliases: matched as substrings of the native letters. */
  unspacedScriptTerms: { letters: string; source: TermSource }[];
  descriptions: CompiledDescription[];
  fuzzyNames: FuzzyNameIndex;
  combinations: CombinationRule[];
  minorAge: MinorAgeRule | null;
  /** `stem*` words by their first three letters: `porn*` matches `pornofilm`. */
  stemsByStart: Map<string, string[]>;
  /** English words: the pieces squashed text splits into. */
  dictionary: ReadonlySet<string>;
  /** English words people write: never misspellings of a term. */
  frequentWords: ReadonlySet<string>;
  segmenter: WordSegmenter;
  /** Rule and entity ids by category, so combinations can name either. */
  categoryOfRule: Map<string, PolicyCategory>;
}
