import { createRequire } from 'node:module';
import { z } from 'zod';

const wordList = z.array(z.string());
let loaded: ReadonlySet<string> | null = null;

/**
 * About 275,000 English words (an-array-of-english-words, MIT), read once per process. A word
 * the dictionary knows is never read as a misspelling of a term ("baked" is not "naked"), and
 * squashed text is only split where every piece is a word.
 */
export function loadEnglishWords(): ReadonlySet<string> {
  if (loaded == null) {
    const require = createRequire(import.meta.url);
    loaded = new Set(wordList.parse(require('an-array-of-english-words')));
  }
  return loaded;
}
