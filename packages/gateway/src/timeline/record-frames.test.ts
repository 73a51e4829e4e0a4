import { describe, expect, it } from 'vitest';
import { reviewCutTimeline } from '../test-support/timeline-samples.js';
import { clipRecordFrames, convertFrames, layoutTimeline } from './record-frames.js';
import type { TimelineClip } from './timeline-model.js';

const fps24 = { numerator: 24, denominator: 1 };
const fps16 = { numerator: 16, denominator: 1 };
const fps23976 = { numerator: 24000, denominator: 1001 };

describe('record frames', () => {
  it('re-times to the nearest frame, halves up', () => {
    expect(convertFrames(80, fps16, fps24)).toBe(120);
    expect(convertFrames(1, fps16, fps24)).toBe(2); // 1.5 → 2
    expect(convertFrames(3, fps24, fps16)).toBe(2); // exactly 2
    expect(convertFrames(1001, fps23976, fps24)).toBe(1002); // 1002.001
    expect(convertFrames(24000, fps24, fps23976)).toBe(23976);
  });

  it('never lets a used clip vanish', () => {
    const [clip] = reviewCutTimeline().clips as [TimelineClip];
    const tiny = {
      ...clip,
      media: { ...clip.media, rate: { numerator: 60, denominator: 1 } },
      sourceIn: 0,
      sourceOut: 1,
    };
    expect(clipRecordFrames(tiny, { numerator: 24, denominator: 1 })).toBe(1);
  });

  it('lays the sample timeline out as the design doc’s table', () => {
    const layout = layoutTimeline(reviewCutTimeline());
    expect(layout.duration).toBe(255);
    expect(layout.tracks[0]?.clips.map((placed) => [placed.recordIn, placed.recordOut])).toEqual([
      [0, 121],
      [121, 182],
      [182, 255],
    ]);
  });

  it('butts each track from zero and takes the longest as the timeline', () => {
    const timeline = reviewCutTimeline();
    const [first, second, third] = timeline.clips as [TimelineClip, TimelineClip, TimelineClip];
    const layout = layoutTimeline({
      ...timeline,
      clips: [{ ...first, track: 3 }, second, { ...third, track: 3 }],
    });
    expect(layout.tracks.map((track) => [track.track, track.duration])).toEqual([
      [1, 61],
      [3, 194],
    ]);
    expect(layout.duration).toBe(194);
    expect(layout.tracks[1]?.clips.map((placed) => placed.index)).toEqual([0, 2]);
  });
});
