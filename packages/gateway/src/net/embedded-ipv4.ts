/**
 * The IPv4 addresses an IPv6 address carries inside it, so the SSRF guard can check those too:
 * `::ffff:a.b.c.d` (mapped), `::a.b.c.d` (compatible, e.g. `::7f00:1`), NAT64 `64:ff9b::/96`,
 * 6to4 `2002:AABB:CCDD::/48` and Teredo `2001:0::/32` (server, and client XOR 0xffffffff).
 */
export function embeddedIPv4(address: string): string[] {
  const words = ipv6Words(address);
  if (words == null) return [];
  const word = (index: number) => words[index] ?? 0;
  const ipv4 = (high: number, low: number) =>
    [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  const zeroFrom = (first: number, last: number) =>
    words.slice(first, last + 1).every((value) => value === 0);
  const found: string[] = [];
  if (zeroFrom(0, 4) && (word(5) === 0xffff || word(5) === 0)) found.push(ipv4(word(6), word(7)));
  if (word(0) === 0x64 && word(1) === 0xff9b && zeroFrom(2, 5)) found.push(ipv4(word(6), word(7)));
  if (word(0) === 0x2002) found.push(ipv4(word(1), word(2)));
  if (word(0) === 0x2001 && word(1) === 0) {
    found.push(ipv4(word(2), word(3)), ipv4(~word(6) & 0xffff, ~word(7) & 0xffff));
  }
  return found;
}

/** The eight 16-bit words of an IPv6 address (dotted tail allowed), or null if it is not one. */
function ipv6Words(address: string): number[] | null {
  let text = address
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  const dotted = /^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted != null) {
    const octets = dotted.slice(2, 6).map(Number);
    if (octets.some((octet) => octet > 255)) return null;
    const [a, b, c, d] = octets as [number, number, number, number];
    text = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === '' ? [] : part.split(':'));
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (groups.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return null;
  return groups.map((group) => Number.parseInt(group, 16));
}
