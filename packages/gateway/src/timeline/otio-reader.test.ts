import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reviewCutTimeline } from '../test-support/timeline-samples.js';
import { readOtio, type OtioReadItem } from './otio-reader.js';
import { serializeOtio } from './otio.js';

function sample(name: string): string {
  return readFileSync(new URL(`./fixtures/otio-samples/${name}`, import.meta.url), 'utf8');
}

/** `[type, name, start, duration]` per item: starts and durations as frame values. */
function summary(items: OtioReadItem[]) {
  return items.map((entry) => [
    entry.type,
    entry.name,
    entry.type === 'clip' ? entry.start.value : null,
    entry.duration.value,
  ]);
}

describe('readOtio on our own output', () => {
  it('reads the 3-clip export back to its ranges, URLs and start', () => {
    const read = readOtio(serializeOtio(reviewCutTimeline()).body);
    expect(read.name).toBe('Review Cut');
    expect(read.globalStartTime).toEqual({ rate: 24, value: 86400 });
    expect(summary(read.tracks[0]?.items ?? [])).toEqual([
      ['clip', 'shot_001', 0, 121],
      ['clip', 'shot_002', 12, 61],
      ['clip', 'shot_003', 0, 73],
    ]);
    const urls = read.tracks[0]?.items.map((entry) =>
      entry.type === 'clip' ? entry.targetUrl : null,
    );
    expect(urls?.[1]).toBe('file:///Users/editor/Projects/demo/media/shot_002.mp4');
  });
});

describe('readOtio on OpenTimelineIO’s sample files', () => {
  it('simple_cut.otio: Clip.1 with ExternalReference; a clip without a range uses its media’s', () => {
    const read = readOtio(sample('simple_cut.otio'));
    expect(read.name).toBe('Figure 1 - Simple Cut List');
    expect(summary(read.tracks[0]?.items ?? [])).toEqual([
      ['clip', 'Clip-001', 3, 3],
      ['clip', 'Clip-002', 2, 6],
      ['clip', 'Clip-003', 0, 4],
      ['clip', 'Clip-004', 100, 6],
    ]);
    const first = read.tracks[0]?.items[0];
    expect(first?.type === 'clip' ? first.targetUrl : null).toBe('file:///folder/titles.mov');
  });

  it('multitrack.otio: three tracks of clips and gaps with MissingReferences', () => {
    const read = readOtio(sample('multitrack.otio'));
    expect(read.tracks.map((track) => [track.name, track.kind, track.items.length])).toEqual([
      ['Sequence', 'Video', 6],
      ['Sequence 2', 'Video', 3],
      ['Sequence 3', 'Video', 3],
    ]);
    expect(summary(read.tracks[1]?.items ?? [])).toEqual([
      ['gap', 'ScopeReference', null, 482],
      ['clip', 't-hawk (loop)-HD.mp4', 0, 480],
      ['gap', 'ScopeReference 2', null, 2320],
    ]);
    const clip = read.tracks[0]?.items[0];
    expect(clip?.type === 'clip' ? clip.targetUrl : 'x').toBeNull();
  });

  it('nested_example.otio: nested stacks and tracks are one item of their length', () => {
    const read = readOtio(sample('nested_example.otio'));
    expect(summary(read.tracks[0]?.items ?? [])).toEqual([
      ['clip', 'Normal Clip 1', 135, 238],
      ['nested', 'Nested Stack 1', null, 31],
      ['clip', 'Normal Clip 2', 101, 33],
      ['nested', 'Nested Stack 2 (with effects)', null, 29],
      ['clip', 'Normal Clip 3', 179, 63],
      ['nested', 'Nested Track', null, 4],
      ['clip', 'Normal Clip 4', 135, 238],
    ]);
  });

  it('transition_test.otio: transitions are skipped, clips kept', () => {
    const read = readOtio(sample('transition_test.otio'));
    expect(summary(read.tracks[0]?.items ?? [])).toEqual([
      ['clip', 'A', 0, 50],
      ['clip', 'B', 0, 50],
      ['clip', 'C', 0, 50],
    ]);
  });

  it('screening_example.otio: Clip.2 with media_references and active key', () => {
    const read = readOtio(sample('screening_example.otio'));
    const items = read.tracks[0]?.items ?? [];
    expect(items).toHaveLength(9);
    expect(summary(items).slice(0, 2)).toEqual([
      ['clip', 'ZZ100_501 (LAY3)', 86501, 31],
      ['clip', 'ZZ100_502A (LAY3)', 86557, 50],
    ]);
    expect(summary(items).at(-1)).toEqual(['clip', 'ZZ100_510B (LAY1)', 86501, 257]);
  });
});

describe('readOtio on bad input', () => {
  it.each([
    ['not JSON', '{'],
    ['not a timeline', '{"OTIO_SCHEMA": "Clip.2"}'],
    [
      'an ExternalReference without target_url',
      JSON.stringify({
        OTIO_SCHEMA: 'Timeline.1',
        tracks: {
          OTIO_SCHEMA: 'Stack.1',
          children: [
            {
              OTIO_SCHEMA: 'Track.1',
              children: [
                {
                  OTIO_SCHEMA: 'Clip.1',
                  media_reference: { OTIO_SCHEMA: 'ExternalReference.1' },
                  source_range: {
                    start_time: { rate: 24, value: 0 },
                    duration: { rate: 24, value: 1 },
                  },
                },
              ],
            },
          ],
        },
      }),
    ],
  ])('refuses %s with a 400', (_, text) => {
    expect(() => readOtio(text)).toThrowError(
      expect.objectContaining({ status: 400, param: 'file' }),
    );
  });

  it('refuses hostile nesting instead of overflowing the stack', () => {
    let nested: unknown = { OTIO_SCHEMA: 'Gap.1', source_range: null };
    for (let depth = 0; depth < 200; depth += 1) {
      nested = { OTIO_SCHEMA: 'Stack.1', children: [nested] };
    }
    const text = JSON.stringify({
      OTIO_SCHEMA: 'Timeline.1',
      tracks: {
        OTIO_SCHEMA: 'Stack.1',
        children: [{ OTIO_SCHEMA: 'Track.1', children: [nested] }],
      },
    });
    expect(() => readOtio(text)).toThrow(/deeper than 64/);
  });
});
