import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fcpxmlRuleViolations } from '../test-support/fcpxml-rules.js';
import { createSequenceFixture, type SequenceFixture } from '../test-support/sequence-fixtures.js';
import { useScratchDirectory } from '../test-support/scratch-directory.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { findAll, parseXml, textAt } from '../test-support/tiny-xml.js';
import { xmllintErrors } from '../test-support/xmllint.js';

const scratch = useScratchDirectory('vgw-sequence-export-');

describe.each(testDatabaseKinds())('GET /v1/sequences/{id}/export on %s', (kind) => {
  let fixture: SequenceFixture;
  let id: string;

  beforeAll(async () => {
    fixture = await createSequenceFixture(kind, scratch.path);
    const [a, b, c] = fixture.videoIds;
    const created = await fixture.request('POST', '/v1/sequences', {
      name: 'Review Cut',
      fps: 24,
      clips: [{ video_id: a }, { video_id: b, in: 5, out: 30 }, { video_id: c, in: 6 }],
    });
    id = ((await created.json()) as { id: string }).id;
  });
  afterAll(async () => fixture.gateway.dispose());

  const exported = async (query: string) => {
    const response = await fixture.request('GET', `/v1/sequences/${id}/export?${query}`);
    expect(response.status).toBe(200);
    return { response, body: await response.text() };
  };

  it('answers FCPXML 1.9 as an attachment pointing at the stored files, with warnings', async () => {
    const { response, body } = await exported('format=fcpxml');
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="review-cut.fcpxml"',
    );
    expect(await xmllintErrors(body)).toBe('');
    expect(fcpxmlRuleViolations(body)).toEqual([]);
    const document = parseXml(body);
    expect([document.name, document.attributes.version]).toEqual(['fcpxml', '1.9']);
    const sources = findAll(document, 'media-rep').map((rep) => rep.attributes.src ?? '');
    expect(sources).toHaveLength(3);
    for (const source of sources) {
      expect(source).toMatch(/^file:\/\/\//);
      expect((await stat(fileURLToPath(source))).isFile()).toBe(true);
    }
    const sequence = findAll(document, 'sequence')[0];
    // 48 + 25 frames at 25 (24 at 24) + 24 = 96 frames at 24 fps: 4 s.
    expect(sequence?.attributes).toMatchObject({ duration: '4s', tcStart: '3600s' });
    const warnings = JSON.parse(response.headers.get('vgw-warnings') ?? 'null') as any[];
    expect(warnings.map((warning) => [warning.code, warning.clip])).toEqual([
      ['mixed_rate', 1],
      ['mixed_size', 1],
    ]);
    expect(response.headers.get('vgw-warnings-count')).toBe('2');
  });

  it('writes FCPXML 1.8 with asset src when asked', async () => {
    const { body } = await exported('format=fcpxml&version=1.8');
    expect(await xmllintErrors(body)).toBe('');
    const assets = findAll(parseXml(body), 'asset');
    expect(assets.map((asset) => asset.attributes.src?.startsWith('file:///'))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('answers xmeml with file://localhost paths and frame counts', async () => {
    const { response, body } = await exported('format=xmeml');
    expect(response.headers.get('content-disposition')).toContain('review-cut.xml');
    expect(await xmllintErrors(body)).toBe('');
    const items = findAll(parseXml(body), 'clipitem');
    expect(items.map((item) => [textAt(item, 'start'), textAt(item, 'end')])).toEqual([
      ['0', '48'],
      ['48', '72'],
      ['72', '96'],
    ]);
    const paths = findAll(parseXml(body), 'pathurl').map((path) => path.text);
    expect(paths.every((path) => path.startsWith('file://localhost/'))).toBe(true);
  });

  it('answers a CMX 3600 EDL whose record times run on from 01:00:00:00', async () => {
    const { response, body } = await exported('format=edl');
    expect(response.headers.get('content-type')).toBe('text/plain; charset=us-ascii');
    const lines = body.split('\n');
    expect(lines.slice(0, 2)).toEqual(['TITLE: REVIEW CUT', 'FCM: NON-DROP FRAME']);
    const events = lines.filter((line) => /^\d{3} /.test(line)).map((line) => line.split(/\s+/));
    expect(events.map((event) => event.slice(-2))).toEqual([
      ['01:00:00:00', '01:00:02:00'],
      ['01:00:02:00', '01:00:03:00'],
      ['01:00:03:00', '01:00:04:00'],
    ]);
    expect(body).toContain('* FROM CLIP NAME: a-red-kite-over-a-foggy-');
  });

  it('answers OTIO JSON with the clips’ ranges in their own rates', async () => {
    const { body } = await exported('format=otio');
    const timeline = JSON.parse(body);
    expect(timeline.OTIO_SCHEMA).toBe('Timeline.1');
    const clips = timeline.tracks.children[0].children;
    expect(
      clips.map((clip: any) => [
        clip.source_range.start_time.value,
        clip.source_range.duration.value,
        clip.source_range.duration.rate,
      ]),
    ).toEqual([
      [0, 48, 24],
      [5, 25, 25],
      [6, 24, 24],
    ]);
    const reference = clips[1].media_references.DEFAULT_MEDIA;
    expect(reference.target_url).toMatch(/^file:\/\/\//);
    expect(JSON.stringify(clips[0].metadata)).toContain('A red kite over a foggy beach');
  });

  it('writes drop-frame timecode for a 29.97 DF sequence', async () => {
    const patched = await fixture.request('PATCH', `/v1/sequences/${id}`, {
      fps: '29.97DF',
    });
    expect(((await patched.json()) as any).start_timecode).toBe('01:00:00;00');
    const { body } = await exported('format=edl');
    expect(body).toContain('FCM: DROP FRAME');
    expect(body).toMatch(/ 01:00:00;00 /);
    await fixture.request('PATCH', `/v1/sequences/${id}`, { fps: 24 });
  });
});
