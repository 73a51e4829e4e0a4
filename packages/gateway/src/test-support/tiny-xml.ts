/**
 * A test-only XML reader for the documents the timeline serializers write: elements, attributes
 * and text, with the five predefined entities. No DTDs, namespaces or CDATA — it reads our own
 * output back so tests can assert on values, and throws on anything it does not understand.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decode(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name] ?? '');
}

const tokenPattern =
  /<\?[^>]*\?>|<!DOCTYPE[^>]*>|<!--[\s\S]*?-->|<\/([\w:-]+)\s*>|<([\w:-]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;

export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let consumed = 0;
  for (const match of text.matchAll(tokenPattern)) {
    if (match.index !== consumed) throw new Error(`unparsed XML at offset ${consumed}`);
    consumed += match[0].length;
    const [, closing, opening, attributeText, selfClosing, characters] = match;
    const top = stack[stack.length - 1] as XmlElement;
    if (characters != null) top.text += decode(characters);
    if (closing != null) {
      if (top.name !== closing) throw new Error(`</${closing}> closes <${top.name}>`);
      stack.pop();
    }
    if (opening == null) continue;
    const attributes: Record<string, string> = {};
    for (const attribute of (attributeText ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) {
      attributes[attribute[1] as string] = decode(attribute[2] as string);
    }
    const element: XmlElement = { name: opening, attributes, children: [], text: '' };
    top.children.push(element);
    if (selfClosing !== '/') stack.push(element);
  }
  if (consumed !== text.length || stack.length !== 1) throw new Error('truncated XML');
  const [documentElement] = root.children;
  if (documentElement == null || root.children.length !== 1) throw new Error('no single root');
  return documentElement;
}

/** Every descendant (depth first) named `name`. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (child.name === name) found.push(child);
    found.push(...findAll(child, name));
  }
  return found;
}

/** The one child named `name`; throws when there is none. */
export function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.find((candidate) => candidate.name === name);
  if (found == null) throw new Error(`<${element.name}> has no <${name}>`);
  return found;
}

/** The trimmed text of the child at `path` (`rate/timebase`). */
export function textAt(element: XmlElement, path: string): string {
  return path
    .split('/')
    .reduce((current, name) => child(current, name), element)
    .text.trim();
}
