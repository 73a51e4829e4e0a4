import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fcpxmlRuleViolations } from '../test-support/fcpxml-rules.js';
import { reviewCutTimeline } from '../test-support/timeline-samples.js';
import { findAll, parseXml } from '../test-support/tiny-xml.js';
import { xmllintErrors } from '../test-support/xmllint.js';
import { fcpxmlTime, frameDuration } from './fcpxml-time.js';
import { serializeFcpxml } from './fcpxml.js';
import type { Timeline, TimelineClip } from './timeline-model.js';

const golden = readFileSync(new URL('./fixtures/review-cut.fcpxml', import.meta.url), 'utf8');

function withClips(timeline: Timeline, clips: TimelineClip[]): Timeline {
  return { ...timeline, clips };
}

describe('fcpxmlTime', () => {
  it('writes frames as FCP does at every supported rate', () => {
    expect(frameDuration({ numerator: 24, denominator: 1 })).toBe('100/2400s');
    expect(frameDuration({ numerator: 24000, denominator: 1001 })).toBe('1001/24000s');
    expect(frameDuration({ numerator: 25, denominator: 1 })).toBe('100/2500s');
    expect(frameDuration({ numerator: 30000, denominator: 1001 })).toBe('1001/30000s');
    expect(frameDuration({ numerator: 60000, denominator: 1001 })).toBe('1001/60000s');
    expect(fcpxmlTime(86400, { numerator: 24, denominator: 1 })).toBe('3600s');
    expect(fcpxmlTime(86521, { numerator: 24, denominator: 1 })).toBe('8652100/2400s');
    expect(fcpxmlTime(24000, { numerator: 24000, denominator: 1001 })).toBe('1001s');
    expect(fcpxmlTime(0, { numerator: 30000, denominator: 1001 })).toBe('0s');
  });
});

describe('serializeFcpxml', () => {
  it('writes the design doc’s 1.9 example byte for byte', () => {
    const result = serializeFcpxml(reviewCutTimeline());
    expect(result.body).toBe(golden);
    expect(result.warnings).toEqual([]);
  });

  it.each(['1.10', '1.11'] as const)('differs from 1.9 only in the version for %s', (version) => {
    const { body } = serializeFcpxml(reviewCutTimeline(), { version });
    expect(body).toBe(golden.replace('version="1.9"', `version="${version}"`));
  });

  it('writes 1.8 with asset@src and neither media-rep nor videoSources', () => {
    const { body } = serializeFcpxml(reviewCutTimeline(), { version: '1.8' });
    const assets = findAll(parseXml(body), 'asset');
    expect(assets.map((asset) => asset.attributes.src)).toEqual([
      'file:///Users/editor/Projects/demo/media/shot_001.mp4',
      'file:///Users/editor/Projects/demo/media/shot_002.mp4',
      'file:///Users/editor/Projects/demo/media/shot_003.mp4',
    ]);
    expect(body).not.toContain('media-rep');
    expect(body).not.toContain('videoSources');
    expect(fcpxmlRuleViolations(body)).toEqual([]);
  });

  it.each(['1.8', '1.9', '1.10', '1.11'] as const)('%s passes xmllint and the rules', async (v) => {
    const { body } = serializeFcpxml(reviewCutTimeline(), { version: v });
    expect(await xmllintErrors(body)).toBe('');
    expect(fcpxmlRuleViolations(body)).toEqual([]);
  });

  it('escapes names and URLs, and drops characters XML cannot hold', async () => {
    const timeline = reviewCutTimeline();
    const [first, ...rest] = timeline.clips as [TimelineClip, ...TimelineClip[]];
    const hostile: TimelineClip = {
      ...first,
      name: 'Kite <take 2> & "best" \u0007',
      media: {
        ...first.media,
        fileName: "kite's <1>.mp4",
        location: '/Users/editor/Démo files/kite & co.mp4',
      },
    };
    const named = { ...withClips(timeline, [hostile, ...rest]), name: 'Cut & <Review>' };
    const { body } = serializeFcpxml(named, { eventName: 'Ev "1"' });
    expect(await xmllintErrors(body)).toBe('');
    const root = parseXml(body);
    expect(findAll(root, 'asset-clip')[0]?.attributes.name).toBe('Kite <take 2> & "best" ');
    expect(findAll(root, 'media-rep')[0]?.attributes.src).toBe(
      'file:///Users/editor/D%C3%A9mo%20files/kite%20%26%20co.mp4',
    );
    expect(findAll(root, 'project')[0]?.attributes.name).toBe('Cut & <Review>');
    expect(findAll(root, 'event')[0]?.attributes.name).toBe('Ev "1"');
  });

  it('gives mixed-rate and mixed-size clips their own format, with warnings', () => {
    const timeline = reviewCutTimeline();
    const [first, second, third] = timeline.clips as [TimelineClip, TimelineClip, TimelineClip];
    const wan: TimelineClip = {
      ...second,
      media: { ...second.media, rate: { numerator: 16, denominator: 1 }, frames: 81 },
      sourceIn: 0,
      sourceOut: 80,
    };
    const big: TimelineClip = { ...third, media: { ...third.media, width: 1920, height: 1080 } };
    const result = serializeFcpxml(withClips(timeline, [first, wan, big]));
    const root = parseXml(result.body);
    expect(findAll(root, 'format').map((format) => format.attributes.frameDuration)).toEqual([
      '100/2400s',
      '100/1600s',
      '100/2400s',
    ]);
    const clips = findAll(root, 'asset-clip');
    expect(clips.map((clip) => clip.attributes.format)).toEqual(['r1', 'r2', 'r3']);
    // 80 frames at 16 fps are 5 s: 120 frames at 24.
    expect(clips[1]?.attributes.duration).toBe('5s');
    expect(findAll(root, 'sequence')[0]?.attributes.duration).toBe('31400/2400s');
    expect(result.warnings.map((warning) => [warning.code, warning.clip])).toEqual([
      ['mixed_rate', 1],
      ['mixed_size', 2],
    ]);
    expect(fcpxmlRuleViolations(result.body)).toEqual([]);
  });

  it('puts tracks above V1 on lanes, connected to the V1 clip under their first frame', async () => {
    const timeline = reviewCutTimeline();
    const [first, second, third] = timeline.clips as [TimelineClip, TimelineClip, TimelineClip];
    const clips = [first, second, { ...third, track: 2 }, { ...first, name: 'over', track: 3 }];
    const { body, warnings } = serializeFcpxml(withClips(timeline, clips));
    expect(warnings).toEqual([]);
    expect(await xmllintErrors(body)).toBe('');
    expect(fcpxmlRuleViolations(body)).toEqual([]);
    const spine = findAll(parseXml(body), 'spine')[0];
    const [clip1] = spine?.children ?? [];
    // Both start at record frame 0: inside clip 1, whose local time starts at source frame 0.
    expect(clip1?.children.map((connected) => connected.attributes)).toMatchObject([
      { ref: 'r4', lane: '1', offset: '0s', duration: '7300/2400s' },
      { ref: 'r2', lane: '2', offset: '0s', duration: '12100/2400s' },
    ]);
    expect(findAll(parseXml(body), 'sequence')[0]?.attributes.duration).toBe('18200/2400s');
  });

  it('covers connected clips that outrun V1 with a gap on the spine', async () => {
    const timeline = reviewCutTimeline();
    const [first, second, third] = timeline.clips as [TimelineClip, TimelineClip, TimelineClip];
    const clips = [second, { ...first, track: 2 }, { ...third, track: 2 }];
    const { body } = serializeFcpxml(withClips(timeline, clips));
    expect(await xmllintErrors(body)).toBe('');
    expect(fcpxmlRuleViolations(body)).toEqual([]);
    const spine = findAll(parseXml(body), 'spine')[0];
    expect(spine?.children.map((item) => item.name)).toEqual(['asset-clip', 'gap']);
    const gap = spine?.children[1];
    expect(gap?.attributes).toMatchObject({ offset: '8646100/2400s', duration: '13300/2400s' });
    // The second V2 clip starts at record 121, past V1's 61 frames: inside the gap.
    expect(gap?.children[0]?.attributes).toMatchObject({ lane: '1', offset: '8652100/2400s' });
  });
});
