/**
 * Text and attribute values for XML 1.0. The five special characters become entities, and
 * characters XML 1.0 cannot carry at all (C0 controls other than tab, LF and CR; lone surrogates;
 * U+FFFE/U+FFFF) are dropped: a prompt pasted with a stray control byte must not make the whole
 * document ill-formed.
 */
const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function allowedInXml(codePoint: number): boolean {
  if (codePoint < 0x20) return codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return false;
  return codePoint !== 0xfffe && codePoint !== 0xffff;
}

function dropForbidden(value: string): string {
  let kept = '';
  // for…of walks code points, so a paired surrogate arrives whole and only lone ones are dropped.
  for (const character of value) {
    if (allowedInXml(character.codePointAt(0) ?? 0)) kept += character;
  }
  return kept;
}

export function escapeXml(value: string): string {
  const clean = /[\p{Cc}\p{Cs}\uFFFE\uFFFF]/u.test(value) ? dropForbidden(value) : value;
  return clean.replace(/[&<>"']/g, (character) => entities[character] ?? '');
}
