import { describe, expect, it } from 'vitest';
import { reviewCutTimeline } from '../test-support/timeline-samples.js';
import { serializeTimeline, TIMELINE_FORMATS, type TimelineFormat } from './serialize-timeline.js';
import type { Timeline, TimelineClip } from './timeline-model.js';

describe('serializeTimeline', () => {
  it('names each format’s extension and media type', () => {
    const documents = TIMELINE_FORMATS.map((format) =>
      serializeTimeline(reviewCutTimeline(), format),
    );
    expect(
      documents.map(({ format, extension, mediaType }) => [format, extension, mediaType]),
    ).toEqual([
      ['fcpxml', '.fcpxml', 'application/xml; charset=utf-8'],
      ['xmeml', '.xml', 'application/xml; charset=utf-8'],
      ['edl', '.edl', 'text/plain; charset=us-ascii'],
      ['otio', '.otio', 'application/json; charset=utf-8'],
    ]);
    expect(documents[0]?.body).toContain('<fcpxml version="1.9">');
    expect(serializeTimeline(reviewCutTimeline(), 'fcpxml', { version: '1.11' }).body).toContain(
      '<fcpxml version="1.11">',
    );
  });

  const [clip] = reviewCutTimeline().clips as [TimelineClip];
  const bad: Array<[string, Partial<Timeline>, string]> = [
    ['an unsupported rate', { rate: { numerator: 16, denominator: 1 } }, 'fps'],
    ['drop-frame at 24', { timecode: 'DF' }, 'timecode'],
    ['a negative start', { startFrame: -1 }, 'start_timecode'],
    ['a zero size', { width: 0 }, 'size'],
    ['an empty range', { clips: [{ ...clip, sourceIn: 5, sourceOut: 5 }] }, 'clips[0]'],
    ['a range past the file', { clips: [{ ...clip, sourceOut: 122 }] }, 'clips[0]'],
    ['a fractional frame', { clips: [{ ...clip, sourceIn: 0.5 }] }, 'clips[0]'],
    ['track 0', { clips: [{ ...clip, track: 0 }] }, 'clips[0]'],
  ];
  it.each(bad)('refuses %s with a 400 naming the field', (_, change, param) => {
    for (const format of TIMELINE_FORMATS) {
      expect(() => serializeTimeline({ ...reviewCutTimeline(), ...change }, format)).toThrowError(
        expect.objectContaining({ status: 400, param }),
      );
    }
  });

  it('refuses an unknown format or FCPXML version from a request', () => {
    expect(() => serializeTimeline(reviewCutTimeline(), 'aaf' as TimelineFormat)).toThrowError(
      expect.objectContaining({ status: 400, param: 'format' }),
    );
    expect(() =>
      serializeTimeline(reviewCutTimeline(), 'fcpxml', { version: '1.14' as '1.9' }),
    ).toThrowError(expect.objectContaining({ status: 400, param: 'fcpxml_version' }));
  });
});
