/** Long enough that ordinary words and ids rarely qualify; short enough for a two-word payload. */
const base64Run = /[A-Za-z0-9+/]{16,}={0,2}/g;

const decoder = new TextDecoder('utf-8', { fatal: true });

function looksLikeText(decoded: string): boolean {
  if (decoded.length === 0) return false;
  const printable = decoded.match(/[\p{L}\p{N}\p{P}\p{Zs}]/gu)?.length ?? 0;
  return printable / [...decoded].length >= 0.9 && /\p{L}{2}/u.test(decoded);
}

/**
 * Base64 runs decoded once, kept only when they decode to readable UTF-8, so the payload can be
 * screened like the prompt itself. Decoding is not repeated: nested encodings are rare and each
 * round multiplies the work an attacker can make the screen do.
 */
export function decodeBase64Runs(text: string, maxRuns = 8): string[] {
  const decoded: string[] = [];
  for (const match of text.matchAll(base64Run)) {
    if (decoded.length >= maxRuns) break;
    const run = match[0];
    if (!/[0-9+/=]|[a-z][A-Z]|[A-Z][a-z]*[A-Z]/.test(run)) continue;
    try {
      const candidate = decoder.decode(Buffer.from(run, 'base64'));
      if (looksLikeText(candidate)) decoded.push(candidate);
    } catch {
      // Not UTF-8: not a text payload, nothing to screen.
    }
  }
  return decoded;
}
