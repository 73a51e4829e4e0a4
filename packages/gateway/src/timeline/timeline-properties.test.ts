import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fcpxmlRuleViolations } from '../test-support/fcpxml-rules.js';
import { findAll, parseXml } from '../test-support/tiny-xml.js';
import { serializeEdl } from './edl.js';
import { serializeFcpxml } from './fcpxml.js';
import { SUPPORTED_RATES, supportsDropFrame } from './frame-rate.js';
import { readOtio } from './otio-reader.js';
import { serializeOtio } from './otio.js';
import { clipRecordFrames, layoutTimeline } from './record-frames.js';
import { timecodeToFrames } from './timecode.js';
import type { FrameRate, Timeline, TimelineClip, TimelineMedia } from './timeline-model.js';
import { serializeXmeml } from './xmeml.js';

/** Supported rates plus 16 fps, the rate Wan clips arrive at, for media only. */
const mediaRates: FrameRate[] = [
  ...SUPPORTED_RATES.map((supported) => supported.rate),
  { numerator: 16, denominator: 1 },
];

const mediaArbitrary = fc.record({
  rate: fc.constantFrom(...mediaRates),
  frames: fc.integer({ min: 1, max: 2000 }),
  size: fc.constantFrom([1280, 720], [1920, 1080], [720, 1280]),
  hasAudio: fc.boolean(),
});

const clipArbitrary = fc.record({
  media: fc.nat({ max: 9 }),
  start: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.double({ min: 0, max: 1, noNaN: true }),
  track: fc.integer({ min: 1, max: 3 }),
});

/** Random sequences: 1–50 clips on 1–3 tracks over a pool of files, any supported rate. */
const timelineArbitrary = fc
  .record({
    rate: fc.constantFrom(...SUPPORTED_RATES.map((supported) => supported.rate)),
    dropFrame: fc.boolean(),
    startFrame: fc.integer({ min: 0, max: 60 * 60 * 60 * 10 }),
    pool: fc.array(mediaArbitrary, { minLength: 10, maxLength: 10 }),
    clips: fc.array(clipArbitrary, { minLength: 1, maxLength: 50 }),
  })
  .map(({ rate, dropFrame, startFrame, pool, clips }): Timeline => {
    const media: TimelineMedia[] = pool.map((entry, index) => ({
      id: `m${index}`,
      fileName: `take ${index}.mp4`,
      location: `/renders/café/take ${index}.mp4`,
      rate: entry.rate,
      frames: entry.frames,
      width: entry.size[0] as number,
      height: entry.size[1] as number,
      hasAudio: entry.hasAudio,
    }));
    const timelineClips: TimelineClip[] = clips.map((clip, index) => {
      const file = media[clip.media] as TimelineMedia;
      const sourceIn = Math.min(file.frames - 1, Math.floor(clip.start * file.frames));
      const room = file.frames - sourceIn;
      const sourceOut = sourceIn + 1 + Math.min(room - 1, Math.floor(clip.length * room));
      return {
        name: `clip ${index}`,
        media: file,
        sourceIn,
        sourceOut,
        track: clip.track,
        metadata: {},
      };
    });
    return {
      name: 'Property Cut',
      rate,
      timecode: dropFrame && supportsDropFrame(rate) ? 'DF' : 'NDF',
      width: 1280,
      height: 720,
      startFrame,
      clips: timelineClips,
    };
  });

const eventPattern = /^\d{3} {2}.{8} V {5}C {8}(\S+) (\S+) (\S+) (\S+)$/;

describe('timeline properties', () => {
  it('each track lasts the sum of its clips; the timeline its longest track', () => {
    fc.assert(
      fc.property(timelineArbitrary, (timeline) => {
        const layout = layoutTimeline(timeline);
        for (const track of layout.tracks) {
          const sum = track.clips.reduce(
            (total, placed) => total + clipRecordFrames(placed.clip, timeline.rate),
            0,
          );
          expect(track.duration).toBe(sum);
        }
        expect(layout.duration).toBe(Math.max(...layout.tracks.map((track) => track.duration)));
      }),
    );
  });

  it('EDL events are contiguous from the start, source length = record length', () => {
    fc.assert(
      fc.property(timelineArbitrary, (timeline) => {
        const frames = (tc: string) => timecodeToFrames(tc, timeline.rate, timeline.timecode);
        const events = serializeEdl(timeline)
          .body.split('\n')
          .map((line) => eventPattern.exec(line))
          .filter((match) => match != null)
          .map((match) => match.slice(1).map(frames));
        const layout = layoutTimeline(timeline);
        expect(events).toHaveLength(layout.tracks[0]?.clips.length ?? 0);
        let expectedIn = timeline.startFrame;
        for (const [srcIn, srcOut, recIn, recOut] of events as number[][]) {
          expect(recIn).toBe(expectedIn);
          expect((srcOut as number) - (srcIn as number)).toBe(
            (recOut as number) - (recIn as number),
          );
          expectedIn = recOut as number;
        }
        expect(expectedIn).toBe(timeline.startFrame + (layout.tracks[0]?.duration ?? 0));
      }),
    );
  });

  it('OTIO round-trips through the reader to the same clip ranges', () => {
    fc.assert(
      fc.property(timelineArbitrary, (timeline) => {
        const read = readOtio(serializeOtio(timeline).body);
        const tracks = layoutTimeline(timeline).tracks;
        expect(read.tracks).toHaveLength(tracks.length);
        tracks.forEach((track, index) => {
          const expected = track.clips.map(({ clip }) => {
            const rate = clip.media.rate.numerator / clip.media.rate.denominator;
            return [clip.name, clip.sourceIn, clip.sourceOut - clip.sourceIn, rate];
          });
          const actual = read.tracks[index]?.items.map((item) =>
            item.type === 'clip'
              ? [item.name, item.start.value, item.duration.value, item.duration.rate]
              : [],
          );
          expect(actual).toEqual(expected);
        });
      }),
    );
  });

  it('FCPXML times all sit on frame boundaries, and xmeml holds every clip', () => {
    fc.assert(
      fc.property(
        timelineArbitrary,
        fc.constantFrom('1.8', '1.9', '1.11' as const),
        (timeline, version) => {
          expect(fcpxmlRuleViolations(serializeFcpxml(timeline, { version }).body)).toEqual([]);
          const clipItems = findAll(parseXml(serializeXmeml(timeline).body), 'clipitem');
          expect(clipItems).toHaveLength(timeline.clips.length);
        },
      ),
    );
  });
});
