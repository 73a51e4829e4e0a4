/** Elements HTML writes without a closing tag. */
const voidElements = new Set(['meta', 'img', 'br', 'hr', 'input', 'link', 'source', 'wbr']);

/**
 * The first nesting problem in `html` (a close tag that does not match the open one, or an
 * element left open), or null when every element is closed in order. Enough for generated
 * markup whose text and attributes are escaped: it does not parse comments or raw text.
 */
export function tagBalanceProblem(html: string): string | null {
  const open: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>/g)) {
    const [, closing, rawName, selfClosing] = match;
    const name = (rawName ?? '').toLowerCase();
    if (voidElements.has(name) || selfClosing === '/') continue;
    if (closing !== '/') {
      open.push(name);
      continue;
    }
    const expected = open.pop();
    if (expected !== name) return `</${name}> at ${match.index} closes <${expected ?? 'nothing'}>`;
  }
  return open.length > 0 ? `left open: ${open.join(' > ')}` : null;
}
