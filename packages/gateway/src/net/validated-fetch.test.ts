import { describe, expect, it } from 'vitest';
import { createValidatedFetch } from './validated-fetch.js';

const hosts: Record<string, string[]> = {
  'cdn.example.com': ['93.184.216.34'],
  'evil.example.com': ['169.254.169.254'],
  'inside.example.com': ['10.1.2.3', '93.184.216.34'],
  'v6.example.com': ['::ffff:127.0.0.1'],
  'nat64.example.com': ['64:ff9b::7f00:1'],
  'public-v6.example.com': ['2606:4700::1111', '64:ff9b::5db8:d822'],
};
const resolve = async (hostname: string) => hosts[hostname] ?? [];

function server(routes: Record<string, () => Response>) {
  const fetched: string[] = [];
  const fetch = async (url: string) => {
    fetched.push(url);
    return (routes[url] ?? (() => new Response('missing', { status: 404 })))();
  };
  return { fetch, fetched };
}

describe('createValidatedFetch', () => {
  it('fetches public targets and follows a redirect to another public one', async () => {
    const { fetch, fetched } = server({
      'https://cdn.example.com/a.mp4': () =>
        new Response(null, { status: 302, headers: { location: '/b.mp4' } }),
      'https://cdn.example.com/b.mp4': () => new Response('video'),
    });
    const response = await createValidatedFetch({ fetch, resolve })(
      'https://cdn.example.com/a.mp4',
    );
    expect(await response.text()).toBe('video');
    expect(fetched).toEqual(['https://cdn.example.com/a.mp4', 'https://cdn.example.com/b.mp4']);
  });

  it.each([
    'http://127.0.0.1:8080/x',
    'http://169.254.169.254/latest/meta-data',
    'https://evil.example.com/x',
    'https://inside.example.com/x',
    'https://v6.example.com/x',
    'http://[::1]/x',
    'http://[::7f00:1]/x',
    'http://[::ffff:a9fe:a9fe]/latest',
    'http://[64:ff9b::a9fe:a9fe]/latest',
    'http://[64:ff9b::10.0.0.1]/x',
    'http://[64:ff9b:1::5]/x',
    'http://[2002:7f00:1::]/x',
    'http://[2002:c0a8:101::1]/x',
    'http://[2001:0:7f00:1::1]/x',
    'https://nat64.example.com/x',
    'file:///etc/passwd',
  ])('refuses %s before any request', async (url) => {
    const { fetch, fetched } = server({});
    await expect(createValidatedFetch({ fetch, resolve })(url)).rejects.toMatchObject({
      code: 'unsafe_url',
      retryable: false,
    });
    expect(fetched).toEqual([]);
  });

  it('fetches a public IPv6 host, NAT64 to a public IPv4 address included', async () => {
    const { fetch } = server({ 'https://public-v6.example.com/v.mp4': () => new Response('ok') });
    const response = await createValidatedFetch({ fetch, resolve })(
      'https://public-v6.example.com/v.mp4',
    );
    expect(await response.text()).toBe('ok');
  });

  it('re-checks every redirect: a public URL may not bounce to metadata', async () => {
    const { fetch, fetched } = server({
      'https://cdn.example.com/a.mp4': () =>
        new Response(null, { status: 301, headers: { location: 'http://169.254.169.254/creds' } }),
    });
    await expect(
      createValidatedFetch({ fetch, resolve })('https://cdn.example.com/a.mp4'),
    ).rejects.toMatchObject({ code: 'unsafe_url' });
    expect(fetched).toEqual(['https://cdn.example.com/a.mp4']);
  });

  it('allows loopback only when told to (emulators in tests)', async () => {
    const { fetch } = server({ 'http://127.0.0.1:9/v.mp4': () => new Response('ok') });
    const response = await createValidatedFetch({ fetch, resolve, allowLoopback: true })(
      'http://127.0.0.1:9/v.mp4',
    );
    expect(await response.text()).toBe('ok');
    await expect(
      createValidatedFetch({ fetch, resolve, allowLoopback: true })('http://169.254.169.254/'),
    ).rejects.toMatchObject({ code: 'unsafe_url' });
  });

  it('trusts an operator-configured origin on a private address, but not its redirects', async () => {
    const { fetch, fetched } = server({
      'http://10.0.0.5:8188/view?filename=a.mp4': () => new Response('lan video'),
      'http://10.0.0.5:8188/view?filename=b.mp4': () =>
        new Response(null, { status: 302, headers: { location: 'http://169.254.169.254/' } }),
    });
    const trusting = createValidatedFetch({
      fetch,
      resolve,
      trustedOrigins: ['http://10.0.0.5:8188'],
    });
    expect(await (await trusting('http://10.0.0.5:8188/view?filename=a.mp4')).text()).toBe(
      'lan video',
    );
    await expect(trusting('http://10.0.0.5:8188/view?filename=b.mp4')).rejects.toMatchObject({
      code: 'unsafe_url',
    });
    await expect(trusting('http://10.0.0.6:8188/view')).rejects.toMatchObject({
      code: 'unsafe_url',
    });
    expect(fetched).toHaveLength(2);
  });

  it('stops after too many redirects', async () => {
    const { fetch } = server({
      'https://cdn.example.com/loop': () =>
        new Response(null, { status: 302, headers: { location: '/loop' } }),
    });
    await expect(
      createValidatedFetch({ fetch, resolve, maxRedirects: 3 })('https://cdn.example.com/loop'),
    ).rejects.toThrow(/redirects/);
  });
});
