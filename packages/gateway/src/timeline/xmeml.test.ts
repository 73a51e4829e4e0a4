import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reviewCutTimeline } from '../test-support/timeline-samples.js';
import { child, findAll, parseXml, textAt } from '../test-support/tiny-xml.js';
import { xmllintErrors } from '../test-support/xmllint.js';
import type { TimelineClip } from './timeline-model.js';
import { serializeXmeml } from './xmeml.js';

const golden = readFileSync(new URL('./fixtures/review-cut.xml', import.meta.url), 'utf8');

describe('serializeXmeml', () => {
  it('writes the design doc’s xmeml example byte for byte, and xmllint accepts it', async () => {
    const result = serializeXmeml(reviewCutTimeline());
    expect(result.body).toBe(golden);
    expect(result.warnings).toEqual([]);
    expect(await xmllintErrors(result.body)).toBe('');
  });

  it('reuses a file by id, one track per video track, NTSC and DF flags', async () => {
    const timeline = reviewCutTimeline();
    const [first, second] = timeline.clips as [TimelineClip, TimelineClip];
    const ntsc = { numerator: 30000, denominator: 1001 };
    const clips = [first, second, { ...first, name: 'again', track: 2 }].map((clip) => ({
      ...clip,
      media: { ...clip.media, rate: ntsc },
    }));
    const dropFrame = {
      ...timeline,
      rate: ntsc,
      timecode: 'DF' as const,
      startFrame: 107892,
      clips,
    };
    const { body, warnings } = serializeXmeml(dropFrame);
    expect(warnings).toEqual([]);
    expect(await xmllintErrors(body)).toBe('');
    const sequence = child(parseXml(body), 'sequence');
    expect(textAt(sequence, 'rate/timebase')).toBe('30');
    expect(textAt(sequence, 'rate/ntsc')).toBe('TRUE');
    expect(textAt(sequence, 'timecode/string')).toBe('01:00:00;00');
    expect(textAt(sequence, 'timecode/displayformat')).toBe('DF');
    expect(textAt(sequence, 'duration')).toBe('182');
    const tracks = findAll(sequence, 'track');
    expect(tracks).toHaveLength(2);
    const reused = child(child(tracks[1]!, 'clipitem'), 'file');
    expect(reused.attributes).toEqual({ id: 'file-1' });
    expect(reused.children).toEqual([]);
    expect(textAt(child(tracks[1]!, 'clipitem'), 'start')).toBe('0');
  });

  it('keeps a mixed-rate clip’s own rate and frames, with a warning', () => {
    const timeline = reviewCutTimeline();
    const [first, second] = timeline.clips as [TimelineClip, TimelineClip];
    const wan = {
      ...second,
      media: { ...second.media, rate: { numerator: 16, denominator: 1 }, frames: 81 },
      sourceIn: 1,
      sourceOut: 81,
    };
    const { body, warnings } = serializeXmeml({ ...timeline, clips: [first, wan] });
    const item = findAll(parseXml(body), 'clipitem')[1]!;
    expect(textAt(item, 'rate/timebase')).toBe('16');
    expect([textAt(item, 'in'), textAt(item, 'out'), textAt(item, 'duration')]).toEqual([
      '1',
      '81',
      '81',
    ]);
    expect([textAt(item, 'start'), textAt(item, 'end')]).toEqual(['121', '241']);
    expect(warnings.map((warning) => [warning.code, warning.clip])).toEqual([['mixed_rate', 1]]);
  });

  it('escapes text, encodes paths, and keeps relative package paths relative', async () => {
    const timeline = reviewCutTimeline();
    const [first, second] = timeline.clips as [TimelineClip, TimelineClip];
    const odd = {
      ...first,
      name: 'A & B <c>',
      media: { ...first.media, location: 'C:\\Média\\a b.mp4' },
    };
    const packaged = { ...second, media: { ...second.media, location: 'media/shot 002.mp4' } };
    const { body } = serializeXmeml({ ...timeline, name: '"Cut" & co', clips: [odd, packaged] });
    expect(await xmllintErrors(body)).toBe('');
    const root = parseXml(body);
    expect(textAt(child(root, 'sequence'), 'name')).toBe('"Cut" & co');
    expect(findAll(root, 'pathurl').map((url) => url.text)).toEqual([
      'file://localhost/C%3a/M%C3%A9dia/a%20b.mp4',
      'media/shot%20002.mp4',
    ]);
    expect(textAt(findAll(root, 'clipitem')[0]!, 'name')).toBe('A & B <c>');
  });
});
