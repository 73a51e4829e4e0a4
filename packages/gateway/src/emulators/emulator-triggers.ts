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

/** Why a create is refused before any render starts: a rate limit or a transient error. */
export type CreateRefusal = 'rate_limited' | 'server_error' | null;

/**
 * The create-time triggers every emulator shares. [429] outranks [429-once], which outranks
 * [500-once]; a lower one's single time is only spent when the higher ones let the create
 * through, so a prompt carrying several rehearses them one after another.
 */
export function createRefusal(once: OnceLedger, prompt: string): CreateRefusal {
  const triggers = triggersIn(prompt);
  if (triggers.has('429') || (triggers.has('429-once') && once.firstTime(`429:${prompt}`))) {
    return 'rate_limited';
  }
  if (triggers.has('500-once') && once.firstTime(`500:${prompt}`)) return 'server_error';
  return null;
}

/** What a status check answers instead of the job's state: a 500, or malformed JSON. */
export type StatusSabotage = 'flap' | 'garbage' | null;

export interface StatusCheck {
  triggers: ReadonlySet<TriggerWord>;
  /**
   * The emulator's count of this job's status checks; [flap] fails the even ones. Emulators
   * that count this check fail the 2nd, 4th…, those that count only earlier ones the 1st,
   * 3rd…: each keeps the sequence its SDK tests were written against.
   */
  checks: number;
}

/** The status-check triggers every emulator shares; [flap] outranks [garbage]. */
export function statusSabotage(check: StatusCheck): StatusSabotage {
  if (check.triggers.has('flap') && check.checks % 2 === 0) return 'flap';
  if (check.triggers.has('garbage')) return 'garbage';
  return null;
}
