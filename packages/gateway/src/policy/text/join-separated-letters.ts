/**
 * One letter or digit, then at least one more each behind a single separator, standing alone:
 * `p.o.r.n`, `n_u_d_e`, `k*i*d`. Each piece must be one character, so `t-shirt` and `e-mail`
 * stay words.
 */
const dottedRun = /(?<![\p{L}\p{N}])[\p{L}\p{N}](?:[._*\-|/·•~+][\p{L}\p{N}])+(?![\p{L}\p{N}])/gu;
const dotSeparators = /[._*\-|/·•~+]/gu;

/** Single characters each behind a single space: `n u d e`. */
const spacedRun = /(?<![\p{L}\p{N}])[\p{L}\p{N}](?: [\p{L}\p{N}])+(?![\p{L}\p{N}])/gu;
/** A spelled-out word of three letters or more: the signal that the text is letter-spaced. */
const spacedWord = /(?<![\p{L}\p{N}])[\p{L}\p{N}](?: [\p{L}\p{N}]){2,}(?![\p{L}\p{N}])/u;

/** Whether letters are spelled out with separators other than single spaces. */
export function hasDottedRun(text: string): boolean {
  return new RegExp(dottedRun.source, 'u').test(text);
}

/**
 * The text with letters spelled out one by one joined back into words: runs joined by dots,
 * underscores, stars, dashes or slashes lose their separators, and in letter-spaced text
 * (`n u d e  c h i l d`) single spaces join letters while the wider gaps part the words.
 * Returns the text unchanged when nothing is spelled out.
 */
export function joinSeparatedLetters(text: string): string {
  let joined = text.replace(dottedRun, (run) => run.replace(dotSeparators, ''));
  if (spacedWord.test(joined)) joined = joined.replace(spacedRun, (run) => run.replace(/ /g, ''));
  return joined;
}
