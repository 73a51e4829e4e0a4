import { commonWords } from './common-words.js';
import type { CompiledPack, CompiledPhrase, TermSource } from './compiled-pack.js';
import type { ConfusableFolder } from './fold-confusables.js';
import { FuzzyNameIndex } from './fuzzy-name-index.js';
import type { PolicyPack, ProtectedEntity } from './policy-pack-schema.js';
import { rawLowerForm, stripInvisible } from './strip-invisible.js';
import { collapseRepeats, tokenize } from './tokenize-text.js';

const unspacedScript =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const nonLatinLetter = /[^\p{Script=Latin}\P{L}]/u;

type Builder = Omit<CompiledPack, 'pack' | 'fold' | 'combinations' | 'minorAge'>;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list == null) map.set(key, [value]);
  else list.push(value);
}

function addWords(
  builder: Builder,
  words: string[],
  source: TermSource,
  except: string[][] = [],
): void {
  if (words.length === 0) return;
  const phrase: CompiledPhrase = { words, source, except };
  push(builder.phrasesByFirstWord, words[0]!, phrase);
  for (const word of words) {
    builder.knownWords.add(word);
    const collapsed = collapseRepeats(word);
    if (collapsed.length >= 3 && !builder.wordsByCollapsedForm.get(collapsed)?.includes(word)) {
      push(builder.wordsByCollapsedForm, collapsed, word);
    }
    if (source.fuzzy && !commonWords.has(word)) builder.fuzzyNames.add(word);
  }
  const squashed = words.join('');
  if (squashed.length >= 3) {
    push(builder.phrasesBySquashedForm, squashed, phrase);
    builder.longestSquashedForm = Math.max(builder.longestSquashedForm, squashed.length);
  }
}

/** One phrase of the pack, compiled in every spelling the screen reads text in. */
function addPhrase(
  builder: Builder,
  text: string,
  source: TermSource,
  fold: ConfusableFolder,
  except: string[][] = [],
): void {
  const visible = stripInvisible(text);
  addWords(builder, tokenize(fold(visible).toLowerCase()), source, except);
  const native = rawLowerForm(visible);
  if (!nonLatinLetter.test(native)) return;
  const nativeWords = tokenize(native);
  addWords(builder, nativeWords, { ...source, fuzzy: false });
  if (unspacedScript.test(native))
    builder.unspacedScriptTerms.push({ letters: nativeWords.join(''), source });
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
  for (const name of entity.names) addPhrase(builder, name, source, fold);
  const exactOnly = { ...source, fuzzy: false };
  for (const alias of entity.aliases ?? []) addPhrase(builder, alias, exactOnly, fold);
  for (const forms of Object.values(entity.languages ?? {})) {
    for (const form of forms) addPhrase(builder, form, exactOnly, fold);
  }
  for (const description of entity.descriptions ?? []) {
    const keywords = tokenize(fold(stripInvisible(description)).toLowerCase()).filter(
      (word) => !commonWords.has(word) || word.length > 3,
    );
    if (keywords.length >= 2)
      builder.descriptions.push({ keywords: [...new Set(keywords)], source: exactOnly });
  }
}

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
        fuzzy: term.fuzzy ?? false,
      };
      const except = (term.except ?? []).map((phrase) =>
        tokenize(fold(stripInvisible(phrase)).toLowerCase()),
      );
      addPhrase(builder, term.term, source, fold, except);
      for (const alias of term.aliases ?? []) addPhrase(builder, alias, source, fold, except);
      for (const forms of Object.values(term.languages ?? {})) {
        for (const form of forms) addPhrase(builder, form, { ...source, fuzzy: false }, fold);
      }
    }
  }
}

/** Builds the lookup tables once per pack; screening then reads maps only. */
export function compileTextPack(pack: PolicyPack, fold: ConfusableFolder): CompiledPack {
  const builder: Builder = {
    phrasesByFirstWord: new Map(),
    knownWords: new Set(),
    wordsByCollapsedForm: new Map(),
    phrasesBySquashedForm: new Map(),
    longestSquashedForm: 0,
    unspacedScriptTerms: [],
    descriptions: [],
    fuzzyNames: new FuzzyNameIndex(),
    categoryOfRule: new Map(),
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
    combinations: pack.combinations,
    minorAge: pack.minorAge ?? null,
  };
}
