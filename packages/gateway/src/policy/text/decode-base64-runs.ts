/**
 * Whole base64 quads, eight characters at least: a one-word payload (`csam` is `Y3NhbQ==`)
 * qualifies; ordinary words rarely decode to readable text, and those that do are screened too.
 */
const base64Run = /(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?/g;

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
    if (run.length < 8) continue;
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
