/** Digits and symbols that stand in for letters inside a word. */
const leetLetters: Record<string, string> = {
  '0': 'o',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '6': 'g',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '€': 'e',
  '£': 'l',
  '¡': 'i',
};

/** Symbols that are punctuation at a word's edge, so they count as letters only between letters. */
const innerOnly: Record<string, string> = { '!': 'i', '|': 'l', '+': 't', '(': 'c', '<': 'c' };

const letter = /\p{L}/u;

function isLeetCharacter(character: string | undefined): boolean {
  return character != null && (leetLetters[character] != null || character === '1');
}

function isWordish(character: string | undefined): boolean {
  return character != null && (letter.test(character) || isLeetCharacter(character));
}

const leetCharacter = /[0-9@$€£¡!|+(<]/;

function translateChunk(chunk: string, one: string, everyChunk: boolean): string {
  if (!leetCharacter.test(chunk)) return chunk;
  if (!everyChunk && !letter.test(chunk)) return chunk;
  const characters = [...chunk];
  return characters
    .map((character, index) => {
      if (character === '1') return one;
      const mapped = leetLetters[character];
      if (mapped != null) return mapped;
      const inner = innerOnly[character];
      const between = isWordish(characters[index - 1]) && isWordish(characters[index + 1]);
      return inner != null && between ? inner : character;
    })
    .join('');
}

/**
 * The leetspeak readings of already folded text: one with 1→i and one with 1→l. Only chunks that
 * contain a letter are translated, so "5 kids" or "1080p" keep their numbers.
 */
export function leetVariants(folded: string): string[] {
  if (!leetCharacter.test(folded)) return [];
  // Once one word mixes letters and leet characters the writer is using leetspeak, so all-digit
  // words ("70" for "to", "4" for "a") are read as letters too.
  const mixed = folded.split(/\s+/).some((chunk) => letter.test(chunk) && /[0-9@$€£¡]/.test(chunk));
  const readings = ['i', 'l'].map((one) =>
    folded.replace(/\S+/g, (chunk) => translateChunk(chunk, one, mixed)),
  );
  return [...new Set(readings)].filter((reading) => reading !== folded);
}

/**
 * The leet reading with all-digit words left as numbers, so "und3r 12" still states an age;
 * null where it would equal a reading the screen already has.
 */
export function leetKeepingNumbers(folded: string): string | null {
  const mixed = folded.split(/\s+/).some((chunk) => letter.test(chunk) && /[0-9@$€£¡]/.test(chunk));
  if (!mixed || !/(^|\s)\d+(\s|$)/.test(folded)) return null;
  return folded.replace(/\S+/g, (chunk) => translateChunk(chunk, 'i', false));
}
