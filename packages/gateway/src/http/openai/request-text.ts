/**
 * Rules for text that a request carries to the database or into an object's keys. Postgres text
 * refuses NUL and JSON refuses lone surrogates, and a key such as `__proto__` written into an
 * ordinary object changes its prototype: each is refused here, before any query runs.
 */

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

export function isForbiddenKey(key: string): boolean {
  return forbiddenKeys.has(key);
}

/** Why a string cannot be stored, or null when it can. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL (\\u0000) characters';
  if (loneSurrogate.test(text)) return 'must be well-formed Unicode (it has a lone surrogate)';
  return null;
}

/** Why an object key cannot be used, or null when it can. */
export function keyProblem(key: string): string | null {
  if (isForbiddenKey(key)) return `"${key}" is not allowed as a key`;
  const problem = textProblem(key);
  return problem != null ? `key ${problem}` : null;
}
