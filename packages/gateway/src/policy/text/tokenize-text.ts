const wordPattern = /[\p{L}\p{N}]+/gu;

/** Words of already folded text: letters and digits, every other character a separator. */
export function tokenize(text: string): string[] {
  return text.match(wordPattern) ?? [];
}

/** Runs of one repeated letter collapsed to a single letter: `seeexxxy` → `sexy`. */
export function collapseRepeats(word: string): string {
  return word.replace(/(.)\1+/gu, '$1');
}

/** Whether the word repeats one character three times or more, a stretching signal. */
export function hasLongRun(word: string): boolean {
  return /(.)\1\1/u.test(word);
}

/** Plural and possessive readings a lexicon written in the singular should also match. */
export function singularForms(word: string): string[] {
  if (word.length < 4 || !word.endsWith('s')) return [];
  const forms = [word.slice(0, -1)];
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  return forms;
}

/** Letters only, so `p.i.k.a` and `pi ka` compare equal to `pika`. */
export function squash(text: string): string {
  return tokenize(text).join('');
}
