/** Rewrites a prompt the way an evader would; `random` is seeded by the row, so runs repeat. */
export type Mutation = (text: string, random: () => number) => string;

const wordPattern = /[\p{L}\p{N}]+/gu;

/** Applies `rewrite` to every run of letters and digits, leaving spaces and punctuation alone. */
export function mapWords(text: string, rewrite: (word: string) => string): string {
  return text.replace(wordPattern, (word) => rewrite(word));
}

/** The words of a text, in order. */
export function wordsOf(text: string): string[] {
  return text.match(wordPattern) ?? [];
}

/**
 * Replaces characters that `table` maps, each with probability `rate`; when chance replaced
 * none, the first mappable one is replaced, so the text always changes if it can.
 */
export function substituteCharacters(
  text: string,
  table: ReadonlyMap<string, readonly string[]>,
  rate: number,
  random: () => number,
): string {
  const characters = Array.from(text);
  let changed = false;
  const out = characters.map((character) => {
    const choices = table.get(character);
    if (choices == null || random() >= rate) return character;
    changed = true;
    return choices[Math.floor(random() * choices.length)] ?? character;
  });
  if (!changed) {
    const index = characters.findIndex((character) => table.has(character));
    const first = index >= 0 ? table.get(characters[index] ?? '') : undefined;
    if (first != null && first[0] != null) out[index] = first[0];
  }
  return out.join('');
}
