import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { longTimeline, reviewCutTimeline } from '../test-support/timeline-samples.js';
import { serializeEdl } from './edl.js';
import type { TimelineClip } from './timeline-model.js';

const golden = readFileSync(new URL('./fixtures/review-cut.edl', import.meta.url), 'utf8');

const eventPattern = /^(\d{3}) {2}(.{8}) (.{5}) C {8}(\S{11}) (\S{11}) (\S{11}) (\S{11})$/;

function events(body: string): string[][] {
  return body
    .split(/\r?\n/)
    .map((line) => eventPattern.exec(line))
    .filter((match) => match != null)
    .map((match) => match.slice(1));
}

describe('serializeEdl', () => {
  it('writes the design doc’s EDL byte for byte', () => {
    const result = serializeEdl(reviewCutTimeline());
    expect(result.body).toBe(golden);
    expect(result.warnings).toEqual([]);
  });

  it('writes drop-frame timecode with the DF header at 29.97', () => {
    const ntsc = { numerator: 30000, denominator: 1001 };
    const timeline = reviewCutTimeline();
    const clips = timeline.clips.map((clip) => ({ ...clip, media: { ...clip.media, rate: ntsc } }));
    const { body } = serializeEdl({
      ...timeline,
      rate: ntsc,
      timecode: 'DF',
      startFrame: 1798,
      clips,
    });
    expect(body.split('\n')[1]).toBe('FCM: DROP FRAME');
    // Record in 1798 is 00:00:59;28; out 1919 is past minute 1, whose labels ;00 and ;01 are skipped.
    expect(events(body)[0]?.slice(3)).toEqual([
      '00:00:00;00',
      '00:00:04;01',
      '00:00:59;28',
      '00:01:04;01',
    ]);
  });

  it('keeps V1 only, warning once, and re-times mixed-rate sources', () => {
    const timeline = reviewCutTimeline();
    const [first, second, third] = timeline.clips as [TimelineClip, TimelineClip, TimelineClip];
    const wan = {
      ...second,
      media: { ...second.media, rate: { numerator: 16, denominator: 1 }, frames: 81 },
      sourceIn: 8,
      sourceOut: 72,
    };
    const { body, warnings } = serializeEdl({
      ...timeline,
      clips: [first, wan, { ...third, track: 2 }],
    });
    // Source 8–72 at 16 fps is 0.5 s–4.5 s: 12–108 at 24, as long as its 96 record frames.
    expect(events(body).map((event) => event.slice(3))).toEqual([
      ['00:00:00:00', '00:00:05:01', '01:00:00:00', '01:00:05:01'],
      ['00:00:00:12', '00:00:04:12', '01:00:05:01', '01:00:09:01'],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.clip])).toEqual([
      ['multiple_tracks', null],
      ['mixed_rate', 1],
    ]);
  });

  it('derives unique 8-character reels and warns when it had to change one', () => {
    const timeline = reviewCutTimeline();
    const [first, second, third] = timeline.clips as [TimelineClip, TimelineClip, TimelineClip];
    const named = (clip: TimelineClip, fileName: string, id: string) => ({
      ...clip,
      media: { ...clip.media, id, fileName },
    });
    const clips = [
      named(first, 'sunrise_over_sea_v1.mp4', 'a'),
      named(second, 'sunrise_over_sea_v2.mp4', 'b'),
      named(third, 'shot_001.mp4', 'c'),
      named(first, 'sunrise_over_sea_v1.mp4', 'a'),
    ];
    const { body, warnings } = serializeEdl({ ...timeline, clips });
    expect(events(body).map((event) => event[1]?.trimEnd())).toEqual([
      'SUNRISEO',
      'SUNRISE2',
      'SHOT001',
      'SUNRISEO',
    ]);
    expect(warnings.map((warning) => [warning.code, warning.clip])).toEqual([
      ['reel_name_shortened', 0],
      ['reel_name_shortened', 1],
    ]);
  });

  it('folds the title to ASCII, upper case, 70 characters, and honours CRLF', () => {
    const { body } = serializeEdl(
      { ...reviewCutTimeline(), name: `Séquence ☃ ${'x'.repeat(80)}` },
      { lineEnding: 'crlf' },
    );
    const [titleLine] = body.split('\r\n');
    expect(titleLine).toBe(`TITLE: SEQUENCE _ ${'X'.repeat(59)}`);
    expect(body.replace(/\r\n/g, '')).not.toContain('\n');
    expect(/^[\x20-\x7e\r\n]*$/.test(body)).toBe(true);
  });

  it('wraps event numbers after 999 and keeps record timecode contiguous', () => {
    const { body } = serializeEdl(longTimeline(1001));
    const all = events(body);
    expect(all).toHaveLength(1001);
    expect(all.slice(997, 1001).map((event) => event[0])).toEqual(['998', '999', '001', '002']);
    // 901 distinct files (every tenth clip reuses one): 901 distinct reels.
    expect(new Set(all.map((event) => event[1])).size).toBe(901);
    for (let index = 1; index < all.length; index += 1) {
      expect(all[index]?.[5]).toBe(all[index - 1]?.[6]);
    }
  });
});
