import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { ProviderApiError } from '@vgw/spec';
import { embeddedIPv4 } from './embedded-ipv4.js';
import type { FetchFunction } from '../provider-http/provider-http.js';

/** Addresses a provider's URL must never make us fetch: our own host, our network, cloud metadata. */
const privateRanges = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  // Local-use NAT64 (RFC 8215) translates to whatever network the operator chose.
  ['64:ff9b:1::', 48],
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv6');
}

function isPrivate(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return privateRanges.check(address, 'ipv4');
  if (family !== 6) return true;
  // An IPv6 form that carries an IPv4 address reaches that address (mapped, NAT64, 6to4,
  // Teredo): private if what it carries is.
  if (embeddedIPv4(address).some((inner) => privateRanges.check(inner, 'ipv4'))) return true;
  return privateRanges.check(address, 'ipv6');
}

export interface ValidatedFetchOptions {
  fetch: FetchFunction;
  /** Tests and local emulators only: permits loopback targets. */
  allowLoopback?: boolean;
  resolve?: (hostname: string) => Promise<string[]>;
  maxRedirects?: number;
  /** Origins the operator configured (a private ComfyUI): allowed even on private addresses. */
  trustedOrigins?: string[];
}

const defaultResolve = async (hostname: string) =>
  (await lookup(hostname, { all: true })).map((entry) => entry.address);

async function checkTarget(url: URL, options: ValidatedFetchOptions): Promise<void> {
  if (options.trustedOrigins?.includes(url.origin) === true) return;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ProviderApiError('download', `refusing ${url.protocol} URL`, {
      code: 'unsafe_url',
      retryable: false,
    });
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) !== 0 ? [host] : await (options.resolve ?? defaultResolve)(host);
  for (const address of addresses) {
    const loopback = address === '::1' || address.startsWith('127.');
    if (loopback && options.allowLoopback === true) continue;
    if (isPrivate(address)) {
      throw new ProviderApiError(
        'download',
        `refusing to fetch ${url.host}: it resolves to a private address (${address})`,
        {
          code: 'unsafe_url',
          retryable: false,
        },
      );
    }
  }
}

/**
 * Fetches a URL that came from a provider's response: only public http(s) targets, every redirect
 * re-checked. (The address is resolved separately from the connection, so a DNS answer that
 * changes in between is not caught; providers' CDNs are the only hosts expected here.)
 */
export function createValidatedFetch(options: ValidatedFetchOptions): FetchFunction {
  const maxRedirects = options.maxRedirects ?? 5;
  return async (input, init = {}) => {
    let url = new URL(input);
    for (let hop = 0; hop <= maxRedirects; hop += 1) {
      await checkTarget(url, options);
      const response = await options.fetch(url.toString(), { ...init, redirect: 'manual' });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location == null) return response;
      await response.body?.cancel();
      url = new URL(location, url);
    }
    throw new ProviderApiError('download', `more than ${maxRedirects} redirects`, {
      code: 'unsafe_url',
      retryable: false,
    });
  };
}
