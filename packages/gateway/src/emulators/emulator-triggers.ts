/**
 * Words in a prompt that make an emulator misbehave on purpose, so users and our tests can
 * rehearse every failure a real provider produces. Documented in docs/providers.md.
 */
export const triggerWords = [
  'moderate', // the input is refused by moderation
  'moderate-output', // the render finishes, then the output is refused
  'fail', // the render fails
  'never', // the render never finishes
  '429', // every create answers 429 with Retry-After: 1
  '429-once', // the first create of this prompt answers 429, later ones work
  '500-once', // the first create of this prompt answers 500
  'flap', // every other status check answers 500
  'garbage', // status checks answer malformed JSON
  'no-url', // completed, but with no output URL
  'loopback-url', // completed, with an output URL on 127.0.0.1 of another port
  'metadata-url', // completed, with an output URL at the cloud metadata address
] as const;

export type TriggerWord = (typeof triggerWords)[number];

export function triggersIn(prompt: string | null | undefined): Set<TriggerWord> {
  const found = new Set<TriggerWord>();
  if (prompt == null) return found;
  for (const match of prompt.matchAll(/\[([a-z0-9-]+)\]/g)) {
    const word = match[1] as TriggerWord;
    if ((triggerWords as readonly string[]).includes(word)) found.add(word);
  }
  return found;
}

/** Remembers which prompts already had their one-time failure. */
export class OnceLedger {
  private readonly seen = new Set<string>();
  firstTime(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}
