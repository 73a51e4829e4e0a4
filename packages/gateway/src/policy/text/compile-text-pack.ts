import { commonWords } from './common-words.js';
import type { CompiledPack, CompiledPhrase, TermSource } from './compiled-pack.js';
import type { ConfusableFolder } from './fold-confusables.js';
import { expandAlternatives } from './expand-alternatives.js';
import { loadEnglishWords, loadFrequentEnglishWords } from './english-words.js';
import { FuzzyNameIndex } from './fuzzy-name-index.js';
import type { PolicyPack, ProtectedEntity } from './policy-pack-schema.js';
import { rawLowerForm, stripInvisible } from './strip-invisible.js';
import { collapseRepeats, tokenize } from './tokenize-text.js';
import { WordSegmenter } from './word-segmenter.js';

const unspacedScript =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const nonLatinLetter = /[^\p{Script=Latin}\P{L}]/u;

type Builder = Omit<
  CompiledPack,
  'pack' | 'fold' | 'combinations' | 'minorAge' | 'dictionary' | 'frequentWords' | 'segmenter'
>;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list == null) map.set(key, [value]);
  else list.push(value);
}

/**
 * Which words misspellings may reach: a phrase's common words too ("luttle girl"), since the
 * rest of the phrase must still match; a lone common word never. Short lexicon words (`sex`,
 * `csam`) go to a stricter index of their own.
 */
function indexFuzzy(
  builder: Builder,
  words: string[],
  word: string,
  source: TermSource,
  minimum: number,
): void {
  if (!source.fuzzy || word.length < minimum) return;
  const common = commonWords.has(word);
  if (common && words.length === 1) return;
  if (word.length >= 5) builder.fuzzyNames.add(word);
  else if (source.entityId == null && !common) builder.fuzzyNames.addShort(word);
}

function addWords(
  builder: Builder,
  words: string[],
  source: TermSource,
  except: string[][] = [],
  fuzzyMinimum = 0,
): void {
  if (words.length === 0) return;
  const phrase: CompiledPhrase = { words, source, except };
  push(builder.phrasesByFirstWord, words[0]!, phrase);
  for (const word of words) {
    if (word.endsWith('*')) continue;
    builder.knownWords.add(word);
    const collapsed = collapseRepeats(word);
    if (collapsed.length >= 3 && !builder.wordsByCollapsedForm.get(collapsed)?.includes(word)) {
      push(builder.wordsByCollapsedForm, collapsed, word);
    }
    indexFuzzy(builder, words, word, source, fuzzyMinimum);
  }
  const squashed = words.join('');
  if (squashed.length >= 3 && !squashed.includes('*')) {
    push(builder.phrasesBySquashedForm, squashed, phrase);
    for (let length = 1; length < squashed.length; length += 1) {
      builder.squashedPrefixes.add(squashed.slice(0, length));
    }
  }
}

/** Words of a phrase whose `stem*` words match any word starting with the stem. */
function patternWords(folded: string, builder: Builder): string[] {
  return folded.split(/\s+/).flatMap((chunk) => {
    const words = tokenize(chunk);
    const last = words.length - 1;
    if (!chunk.endsWith('*') || last < 0 || words[last]!.length < 3) return words;
    const stem = words[last]!;
    push(builder.stemsByStart, stem.slice(0, 3), stem);
    words[last] = `${stem}*`;
    return words;
  });
}

/** One phrase of the pack, compiled in every spelling the screen reads text in. */
function addPhrase(
  builder: Builder,
  text: string,
  source: TermSource,
  fold: ConfusableFolder,
  except: string[][] = [],
  fuzzyMinimum = 0,
): void {
  const visible = stripInvisible(text);
  if (visible.includes('*')) {
    addWords(
      builder,
      patternWords(fold(visible).toLowerCase(), builder),
      source,
      except,
      fuzzyMinimum,
    );
    return;
  }
  addWords(builder, tokenize(fold(visible).toLowerCase()), source, except, fuzzyMinimum);
  const native = rawLowerForm(visible);
  if (!nonLatinLetter.test(native)) return;
  const nativeWords = tokenize(native);
  addWords(builder, nativeWords, { ...source, fuzzy: false });
  if (unspacedScript.test(native))
    builder.unspacedScriptTerms.push({ letters: nativeWords.join(''), source });
}

function foldedWords(phrase: string, fold: ConfusableFolder): string[] {
  return tokenize(fold(stripInvisible(phrase)).toLowerCase());
}

/** Except phrases must survive the same stretching as terms: `Diiildo, Neeewfoundland`. */
function exceptPhrases(builder: Builder, phrases: string[], fold: ConfusableFolder): string[][] {
  const except = phrases.map((phrase) => foldedWords(phrase, fold));
  for (const word of except.flat()) {
    const collapsed = collapseRepeats(word);
    if (collapsed.length >= 3 && !builder.wordsByCollapsedForm.get(collapsed)?.includes(word)) {
      push(builder.wordsByCollapsedForm, collapsed, word);
    }
  }
  return except;
}

function entitySource(entity: ProtectedEntity): TermSource {
  return {
    ruleId: entity.id,
    category: entity.category,
    effect: entity.effect,
    entityId: entity.id,
    fuzzy: entity.fuzzy,
  };
}

function addEntity(builder: Builder, entity: ProtectedEntity, fold: ConfusableFolder): void {
  const source = entitySource(entity);
  builder.categoryOfRule.set(entity.id, entity.category);
  const except = exceptPhrases(builder, entity.except ?? [], fold);
  for (const name of entity.names) addPhrase(builder, name, source, fold, except);
  const exactOnly = { ...source, fuzzy: false };
  for (const alias of entity.aliases ?? []) addPhrase(builder, alias, exactOnly, fold, except);
  for (const forms of Object.values(entity.languages ?? {})) {
    for (const form of forms) addPhrase(builder, form, exactOnly, fold);
  }
  addDescriptions(builder, entity.descriptions ?? [], exactOnly, fold);
}

/** Descriptions as keyword sets: filler words dropped, at least two keywords kept. */
function addDescriptions(
  builder: Builder,
  descriptions: string[],
  source: TermSource,
  fold: ConfusableFolder,
): void {
  for (const description of descriptions) {
    const keywords = tokenize(fold(stripInvisible(description)).toLowerCase()).filter(
      (word) => !commonWords.has(word) || word.length > 3,
    );
    if (keywords.length >= 2)
      builder.descriptions.push({ keywords: [...new Set(keywords)], source });
  }
}

const foreignFuzzyMinimum = 6;

function addLexicons(builder: Builder, pack: PolicyPack, fold: ConfusableFolder): void {
  for (const lexicon of pack.lexicons) {
    builder.categoryOfRule.set(lexicon.rule, lexicon.category);
    for (const entry of lexicon.terms) {
      const term = typeof entry === 'string' ? { term: entry } : entry;
      const source: TermSource = {
        ruleId: lexicon.rule,
        category: lexicon.category,
        effect: lexicon.effect,
        entityId: null,
        // The dictionary guard keeps real words from reading as misspellings, so terms are fuzzy too.
        fuzzy: term.fuzzy ?? true,
      };
      const except = exceptPhrases(builder, term.except ?? [], fold);
      for (const phrase of [term.term, ...(term.aliases ?? [])].flatMap(expandAlternatives)) {
        addPhrase(builder, phrase, source, fold, except);
      }
      // No English dictionary guards other languages, so only their long words (`sexuelle`,
      // not `nackt`, one letter from German `nacht`) may be misspelt.
      for (const form of Object.values(term.languages ?? {})
        .flat()
        .flatMap(expandAlternatives)) {
        addPhrase(builder, form, source, fold, [], foreignFuzzyMinimum);
      }
      addDescriptions(builder, term.descriptions ?? [], { ...source, fuzzy: false }, fold);
    }
  }
}

/** Every except phrase squashed, and each of its words: what squashed text must not split. */
function innocentForms(pack: PolicyPack, fold: ConfusableFolder): Set<string> {
  const phrases = [
    ...pack.entities.flatMap((entity) => entity.except ?? []),
    ...pack.lexicons.flatMap((lexicon) =>
      lexicon.terms.flatMap((entry) => (typeof entry === 'string' ? [] : (entry.except ?? []))),
    ),
  ];
  const forms = new Set<string>();
  for (const phrase of phrases) {
    const words = foldedWords(phrase, fold);
    forms.add(words.join(''));
    for (const word of words) if (word.length >= 5) forms.add(word);
  }
  return forms;
}

/** Builds the lookup tables once per pack; screening then reads maps only. */
export function compileTextPack(
  pack: PolicyPack,
  fold: ConfusableFolder,
  dictionary: ReadonlySet<string> = loadEnglishWords(),
  frequentWords: ReadonlySet<string> = loadFrequentEnglishWords(),
): CompiledPack {
  const builder: Builder = {
    phrasesByFirstWord: new Map(),
    knownWords: new Set(),
    wordsByCollapsedForm: new Map(),
    phrasesBySquashedForm: new Map(),
    squashedPrefixes: new Set(),
    unspacedScriptTerms: [],
    descriptions: [],
    fuzzyNames: new FuzzyNameIndex(),
    categoryOfRule: new Map(),
    stemsByStart: new Map(),
  };
  addLexicons(builder, pack, fold);
  for (const entity of pack.entities) addEntity(builder, entity, fold);
  for (const combination of pack.combinations)
    builder.categoryOfRule.set(combination.rule, combination.category);
  if (pack.minorAge != null) builder.categoryOfRule.set(pack.minorAge.rule, 'minors');
  return {
    ...builder,
    pack,
    fold,
    dictionary,
    frequentWords,
    segmenter: new WordSegmenter({
      dictionary,
      packWords: builder.knownWords,
      innocent: innocentForms(pack, fold),
    }),
    combinations: pack.combinations,
    minorAge: pack.minorAge ?? null,
  };
}
