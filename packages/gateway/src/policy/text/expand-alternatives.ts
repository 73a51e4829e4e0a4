/** More expansions than this in one entry is a mistake in the pack, not a lexicon. */
const maxExpansions = 2000;

/**
 * `{cutting|slitting} {her|his} wrists` → every combination, so a rule writer can state a
 * pattern ("a self-harm verb, then a reflexive pronoun") instead of listing its sentences.
 */
export function expandAlternatives(text: string): string[] {
  return expandRaw(text)
    .map((phrase) => phrase.replace(/\s+/g, ' ').trim())
    .filter((phrase) => phrase !== '');
}

function expandRaw(text: string): string[] {
  const open = text.indexOf('{');
  if (open < 0) return [text];
  const close = text.indexOf('}', open);
  if (close < 0) throw new Error(`unclosed { in "${text}"`);
  const choices = text.slice(open + 1, close).split('|');
  const rest = expandRaw(text.slice(close + 1));
  const expanded: string[] = [];
  for (const choice of choices) {
    for (const tail of rest) expanded.push(`${text.slice(0, open)}${choice}${tail}`);
  }
  if (expanded.length > maxExpansions)
    throw new Error(`"${text}" expands to more than ${maxExpansions} phrases`);
  return expanded;
}
