import { describe, expect, it } from 'vitest';
import { VgwError } from './errors.js';
import { createTestClient, jsonResponse, makeVideo } from './test-support/fake-fetch.js';

function page(ids: string[], hasMore: boolean) {
  return {
    object: 'list',
    data: ids.map((id) => makeVideo({ id })),
    has_more: hasMore,
    first_id: ids[0] ?? null,
    last_id: ids.at(-1) ?? null,
  };
}

const threePages = () => [
  jsonResponse(page(['v1', 'v2'], true)),
  jsonResponse(page(['v3', 'v4'], true)),
  jsonResponse(page(['v5'], false)),
];

describe('list pagination', () => {
  it('iterates every video over 3 pages with after = last_id', async () => {
    const { client, requests } = createTestClient(threePages());
    const ids: string[] = [];
    for await (const video of client.videos.list({ limit: 2, order: 'desc' })) ids.push(video.id);
    expect(ids).toEqual(['v1', 'v2', 'v3', 'v4', 'v5']);
    expect(requests.map((request) => request.url.search)).toEqual([
      '?limit=2&order=desc',
      '?limit=2&order=desc&after=v2',
      '?limit=2&order=desc&after=v4',
    ]);
  });

  it('an awaited page exposes data, hasMore and getNextPage, and iterates onward', async () => {
    const { client, requests } = createTestClient(threePages());
    const first = await client.videos.list();
    expect(first.data.map((video) => video.id)).toEqual(['v1', 'v2']);
    expect(first.hasMore).toBe(true);
    expect(first.lastId).toBe('v2');
    const second = await first.getNextPage();
    expect(second.data.map((video) => video.id)).toEqual(['v3', 'v4']);
    const rest: string[] = [];
    for await (const video of second) rest.push(video.id);
    expect(rest).toEqual(['v3', 'v4', 'v5']);
    expect(requests).toHaveLength(3);
  });

  it('iterPages yields each page once and getNextPage on the last page throws', async () => {
    const { client } = createTestClient(threePages());
    const first = await client.videos.list();
    const sizes: number[] = [];
    let last = first;
    for await (const current of first.iterPages()) {
      sizes.push(current.data.length);
      last = current;
    }
    expect(sizes).toEqual([2, 2, 1]);
    expect(last.hasNextPage()).toBe(false);
    await expect(last.getNextPage()).rejects.toThrow(VgwError);
  });

  it('stops when a server says has_more but the cursor does not advance', async () => {
    const stuck = page(['v1'], true);
    const { client, requests } = createTestClient([
      jsonResponse(page(['v0'], true)),
      jsonResponse(stuck),
      jsonResponse(stuck),
      jsonResponse(stuck),
    ]);
    const ids: string[] = [];
    for await (const video of client.videos.list()) ids.push(video.id);
    // The repeat is only visible once the same last_id comes back for after=v1.
    expect(ids).toEqual(['v0', 'v1', 'v1']);
    expect(requests.map((request) => request.url.searchParams.get('after'))).toEqual([
      null,
      'v0',
      'v1',
    ]);
  });

  it('falls back to the last item id when last_id is null', async () => {
    const { client, requests } = createTestClient([
      jsonResponse({ ...page(['a', 'b'], true), last_id: null }),
      jsonResponse(page(['c'], false)),
    ]);
    const ids: string[] = [];
    for await (const video of client.videos.list()) ids.push(video.id);
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(requests[1]?.url.searchParams.get('after')).toBe('b');
  });

  it('does not send a request until the list is used', async () => {
    const { client, requests } = createTestClient([jsonResponse(page([], false))]);
    const pending = client.videos.list();
    expect(requests).toHaveLength(0);
    expect((await pending).data).toEqual([]);
    expect(requests).toHaveLength(1);
  });
});
