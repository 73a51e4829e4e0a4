import { describe, expect, it } from 'vitest';
import { NotFoundError } from './errors.js';
import type { Sequence } from './sequence-types.js';
import { createTestClient, errorResponse, jsonResponse } from './test-support/fake-fetch.js';

function makeSequence(overrides: Partial<Sequence> = {}): Sequence {
  return {
    id: 'seq_1',
    object: 'sequence',
    name: 'Review Cut',
    fps: '24',
    drop_frame: false,
    rate: { numerator: 24, denominator: 1 },
    size: '1280x720',
    start_timecode: '01:00:00:00',
    duration_frames: 121,
    clips: [{ video_id: 'video_1', in: 0, out: 121, track: 1 }],
    warnings: [],
    created_at: 1_700_000_000,
    updated_at: 1_700_000_000,
    ...overrides,
  };
}

describe('sequences request shapes', () => {
  it('create POSTs the body as JSON with an idempotency key', async () => {
    const { client, requests } = createTestClient([jsonResponse(makeSequence())]);
    const body = { fps: '29.97DF', name: 'Review Cut', clips: [{ video_id: 'video_1', in: 12 }] };
    expect((await client.sequences.create(body)).id).toBe('seq_1');
    const [request] = requests;
    expect([request?.method, request?.url.href]).toEqual([
      'POST',
      'http://127.0.0.1:8080/v1/sequences',
    ]);
    expect(JSON.parse(String(request?.body))).toEqual(body);
    expect(request?.headers.get('idempotency-key')).not.toBeNull();
  });

  it('retrieve, update (PATCH) and delete address the sequence by its encoded id', async () => {
    const { client, requests } = createTestClient([
      jsonResponse(makeSequence()),
      jsonResponse(makeSequence({ name: 'B' })),
      jsonResponse({ id: 'seq_1', object: 'sequence.deleted', deleted: true }),
    ]);
    await client.sequences.retrieve('seq 1');
    const updated = await client.sequences.update('seq_1', {
      name: 'B',
      append_clips: [{ video_id: 'video_2' }],
    });
    expect(updated.name).toBe('B');
    expect((await client.sequences.delete('seq_1')).deleted).toBe(true);
    expect(requests.map((request) => [request.method, request.url.pathname])).toEqual([
      ['GET', '/v1/sequences/seq%201'],
      ['PATCH', '/v1/sequences/seq_1'],
      ['DELETE', '/v1/sequences/seq_1'],
    ]);
    expect(JSON.parse(String(requests[1]?.body))).toEqual({
      name: 'B',
      append_clips: [{ video_id: 'video_2' }],
    });
    expect(requests[1]?.headers.get('content-type')).toBe('application/json');
  });

  it('list pages with after = last_id', async () => {
    const page = (ids: string[], hasMore: boolean) =>
      jsonResponse({
        object: 'list',
        data: ids.map((id) => makeSequence({ id })),
        has_more: hasMore,
        first_id: ids[0] ?? null,
        last_id: ids.at(-1) ?? null,
      });
    const { client, requests } = createTestClient([
      page(['seq_1', 'seq_2'], true),
      page(['seq_3'], false),
    ]);
    const ids: string[] = [];
    for await (const sequence of client.sequences.list({ limit: 2, order: 'asc' })) {
      ids.push(sequence.id);
    }
    expect(ids).toEqual(['seq_1', 'seq_2', 'seq_3']);
    expect(requests[1]?.url.search).toBe('?limit=2&order=asc&after=seq_2');
  });

  it('export returns the raw response with the format and version in the query', async () => {
    const xml = '<?xml version="1.0"?><fcpxml version="1.10"/>';
    const { client, requests } = createTestClient([
      new Response(xml, {
        headers: {
          'content-type': 'application/xml',
          'content-disposition': 'attachment; filename="review-cut.fcpxml"',
          'vgw-warnings': '[]',
        },
      }),
      new Response(new Uint8Array([0x50, 0x4b, 3, 4]), {
        headers: { 'content-type': 'application/zip' },
      }),
    ]);
    const response = await client.sequences.export('seq_1', { format: 'fcpxml', version: '1.10' });
    expect(await response.text()).toBe(xml);
    expect(response.headers.get('vgw-warnings')).toBe('[]');
    const zip = await client.sequences.export('seq_1', { format: 'package' });
    expect(new Uint8Array(await zip.arrayBuffer())).toEqual(new Uint8Array([0x50, 0x4b, 3, 4]));
    expect(requests.map((request) => request.url.search)).toEqual([
      '?format=fcpxml&version=1.10',
      '?format=package',
    ]);
    expect(requests[1]?.headers.get('accept')).toBe('application/zip');
  });

  it('export throws the API error for a refused export', async () => {
    const { client } = createTestClient([
      errorResponse(404, { message: 'no sequence with id "seq_x"', param: 'sequence_id' }),
    ]);
    await expect(client.sequences.export('seq_x', { format: 'edl' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
