import { createHmac } from 'node:crypto';

/**
 * What the audit keeps of a prompt by default: HMAC-SHA256 of its NFKC form, hex. Repeats of one
 * prompt (also in other Unicode spellings of it) show as one value, and without the key nobody
 * can test a guess against it.
 */
export function promptHmac(key: Uint8Array, prompt: string): string {
  return createHmac('sha256', key).update(prompt.normalize('NFKC'), 'utf8').digest('hex');
}
