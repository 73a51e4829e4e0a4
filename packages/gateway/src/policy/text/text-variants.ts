import type { ConfusableFolder } from './fold-confusables.js';
import { joinSeparatedLetters } from './join-separated-letters.js';
import { leetKeepingNumbers, leetVariants } from './leet-variants.js';
import { rawLowerForm, stripInvisible } from './strip-invisible.js';
import { tokenize } from './tokenize-text.js';

/** One reading of the prompt as words. Every reading is matched; any hit counts. */
export interface TextReading {
  /**
   * `ages`: a leet reading with numbers kept, read only for stated ages. `joined`: letters spelled
   * out one by one (`n u d e`, `n.u.d.e`) joined back into words. `segmented`: words written
   * without spaces (`nudechild`) split into dictionary words.
   */
  kind: 'folded' | 'joined' | 'segmented' | 'leet' | 'native' | 'ages';
  words: string[];
}

/** Every reading of one piece of text, plus its letters with all separators removed. */
export interface TextVariants {
  readings: TextReading[];
  /** Lowercase NFKC letters of the original scripts, no separators: for kana and Han aliases. */
  nativeLetters: string;
  /** Folded words, also split where a capital follows a small letter or digits meet letters. */
  camelWords: string[];
}

const camelBoundary = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/gu;

/**
 * NFKC, invisible characters stripped, then homoglyph folding (which lowercases) for the main
 * reading; leetspeak readings on top of it; and a native reading that skips folding so Cyrillic
 * and kana aliases still match their own spelling.
 */
export function textVariants(text: string, fold: ConfusableFolder): TextVariants {
  const visible = stripInvisible(text);
  const folded = fold(visible).toLowerCase();
  const readings: TextReading[] = [{ kind: 'folded', words: tokenize(folded) }];
  const joined = joinSeparatedLetters(folded);
  if (joined !== folded) readings.push({ kind: 'joined', words: tokenize(joined) });
  for (const leet of leetVariants(folded)) readings.push({ kind: 'leet', words: tokenize(leet) });
  const ages = leetKeepingNumbers(folded);
  if (ages != null) readings.push({ kind: 'ages', words: tokenize(ages) });
  const native = rawLowerForm(visible);
  const nativeWords = /[^\p{Script=Latin}\P{L}]/u.test(native) ? tokenize(native) : [];
  if (nativeWords.length > 0) readings.push({ kind: 'native', words: nativeWords });
  const camel = visible.replace(camelBoundary, ' ');
  const camelWords = camel === visible ? readings[0]!.words : tokenize(fold(camel).toLowerCase());
  return { readings, nativeLetters: nativeWords.join(''), camelWords };
}
