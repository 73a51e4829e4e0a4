import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reviewCutTimeline } from '../test-support/timeline-samples.js';
import { readOtio } from './otio-reader.js';
import { serializeOtio } from './otio.js';
import type { TimelineClip } from './timeline-model.js';

const golden = readFileSync(new URL('./fixtures/review-cut.otio', import.meta.url), 'utf8');

describe('serializeOtio', () => {
  it('writes the design doc’s OTIO example (as parsed JSON, key order included)', () => {
    const { body, warnings } = serializeOtio(reviewCutTimeline());
    expect(JSON.parse(body)).toStrictEqual(JSON.parse(golden));
    // Same keys in the same order at every level: JSON.stringify of both parses must agree.
    expect(JSON.stringify(JSON.parse(body))).toBe(JSON.stringify(JSON.parse(golden)));
    expect(body.startsWith('{\n    "OTIO_SCHEMA": "Timeline.1",')).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('writes NTSC rates as the double of 24000/1001 with whole-frame values', () => {
    const ntsc = { numerator: 24000, denominator: 1001 };
    const timeline = reviewCutTimeline();
    const clips = timeline.clips.map((clip) => ({ ...clip, media: { ...clip.media, rate: ntsc } }));
    const parsed = JSON.parse(serializeOtio({ ...timeline, rate: ntsc, clips }).body);
    expect(parsed.global_start_time).toEqual({
      OTIO_SCHEMA: 'RationalTime.1',
      rate: 23.976023976023978,
      value: 86400,
    });
    expect(parsed.tracks.children[0].children[1].source_range.start_time.rate).toBe(
      23.976023976023978,
    );
  });

  it('writes one track per video track, and plain paths when asked', () => {
    const timeline = reviewCutTimeline();
    const [first, second, third] = timeline.clips as [TimelineClip, TimelineClip, TimelineClip];
    const spaced = {
      ...third,
      track: 2,
      media: { ...third.media, location: 'file:///Users/editor/My%20Media/shot_003.mp4' },
    };
    const { body } = serializeOtio(
      { ...timeline, clips: [first, second, spaced] },
      { targetUrlStyle: 'path' },
    );
    const read = readOtio(body);
    expect(read.tracks.map((track) => [track.name, track.items.length])).toEqual([
      ['V1', 2],
      ['V2', 1],
    ]);
    const [clip] = read.tracks[1]?.items ?? [];
    expect(clip?.type === 'clip' ? clip.targetUrl : null).toBe(
      '/Users/editor/My Media/shot_003.mp4',
    );
  });

  it('keeps free-form metadata JSON-safe', () => {
    const timeline = reviewCutTimeline();
    const [first] = timeline.clips as [TimelineClip];
    const odd = { ...first, metadata: { seed: 12n, score: Number.NaN, note: 'ok' } };
    const read = readOtio(serializeOtio({ ...timeline, clips: [odd] }).body);
    const [clip] = read.tracks[0]?.items ?? [];
    expect(clip?.type === 'clip' ? clip.metadata : null).toEqual({
      ai_gateway: { seed: '12', score: null, note: 'ok' },
    });
  });
});
