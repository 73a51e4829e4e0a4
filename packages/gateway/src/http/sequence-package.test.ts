import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputLabeller } from '../generation/output-labeller.js';
import { readZip, type ZipEntry } from '../test-support/read-zip.js';
import { scoreResultFixture } from '../test-support/score-result-fixture.js';
import { createSequenceFixture, type SequenceFixture } from '../test-support/sequence-fixtures.js';
import { useScratchDirectory } from '../test-support/scratch-directory.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { findAll, parseXml } from '../test-support/tiny-xml.js';
import { xmllintErrors } from '../test-support/xmllint.js';

const scratch = useScratchDirectory('vgw-sequence-package-');

/** Labels every output with a sidecar manifest, as the signer does when it cannot embed. */
const sidecarLabeller: OutputLabeller = {
  label: async (_path, facts) => ({
    provenance: 'sidecar',
    signedPath: null,
    sidecar: new TextEncoder().encode(`manifest of ${facts.videoId}`),
    warning: 'labelled with a sidecar manifest',
    dispose: async () => undefined,
  }),
};

describe.each(testDatabaseKinds())('the sequence package on %s', (kind) => {
  let fixture: SequenceFixture;
  let entries: Map<string, ZipEntry>;
  let response: Response;
  let sequenceId: string;

  beforeAll(async () => {
    fixture = await createSequenceFixture(kind, scratch.path, { labeller: sidecarLabeller });
    const [a, b] = fixture.videoIds;
    // Scoring is off in the test gateway: a's score is stored as a score worker would.
    await fixture.gateway.test.database.query(
      `insert into video_scores (video_id, status, result, completed_at)
       values ($1, 'completed', $2::jsonb, now())`,
      [a, JSON.stringify(scoreResultFixture(0))],
    );
    const created = await fixture.request('POST', '/v1/sequences', {
      name: 'Review Cut',
      fps: 24,
      // The same video twice: one media file, one provenance file naming both clips.
      clips: [{ video_id: a }, { video_id: b, in: 5, out: 30 }, { video_id: a, in: 12 }],
    });
    sequenceId = ((await created.json()) as { id: string }).id;
    response = await fixture.request(
      'GET',
      `/v1/sequences/${sequenceId}/export?format=package&version=1.10`,
    );
    entries = await readZip(new Uint8Array(await response.arrayBuffer()));
  });
  afterAll(async () => fixture.gateway.dispose());

  const text = (name: string) => {
    const entry = entries.get(`review-cut/${name}`);
    if (entry == null) throw new Error(`no ${name} in ${[...entries.keys()].join(', ')}`);
    return entry.bytes.toString('utf8');
  };
  const inPackage = (path: string) => entries.has(`review-cut/${decodeURI(path)}`);

  it('is a zip attachment holding the four timelines, media, provenance and a README', () => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="review-cut.zip"',
    );
    const names = [...entries.keys()].map((name) => name.replace(/[0-9a-f]{8}/g, 'ID')).sort();
    expect(names).toEqual([
      'review-cut/README.txt',
      'review-cut/media/a-red-kite-over-a-foggy-ID.c2pa',
      'review-cut/media/a-red-kite-over-a-foggy-ID.mp4',
      'review-cut/media/waves-at-dusk-slow-pan-ID.c2pa',
      'review-cut/media/waves-at-dusk-slow-pan-ID.mp4',
      'review-cut/provenance/a-red-kite-over-a-foggy-ID.json',
      'review-cut/provenance/waves-at-dusk-slow-pan-ID.json',
      'review-cut/review-cut.edl',
      'review-cut/review-cut.fcpxml',
      'review-cut/review-cut.otio',
      'review-cut/review-cut.xml',
    ]);
    expect(text('README.txt')).toContain('File > Import > XML');
    const warnings = JSON.parse(response.headers.get('vgw-warnings') ?? '[]') as any[];
    expect(warnings.some((each) => each.format === 'edl' && each.code === 'mixed_rate')).toBe(true);
  });

  it('points every timeline at media/ paths relative to itself that the zip holds', async () => {
    const fcpxml = text('review-cut.fcpxml');
    expect(await xmllintErrors(fcpxml)).toBe('');
    const document = parseXml(fcpxml);
    expect(document.attributes.version).toBe('1.10');
    const sources = findAll(document, 'media-rep').map((rep) => rep.attributes.src ?? '');
    const xmeml = text('review-cut.xml');
    expect(await xmllintErrors(xmeml)).toBe('');
    const paths = findAll(parseXml(xmeml), 'pathurl').map((path) => path.text);
    const otio = JSON.parse(text('review-cut.otio'));
    const urls = otio.tracks.children[0].children.map(
      (clip: any) => clip.media_references.DEFAULT_MEDIA.target_url,
    );
    for (const location of [...sources, ...paths, ...urls]) {
      expect(location).toMatch(/^media\/[a-z0-9-]+\.mp4$/);
      expect(inPackage(location)).toBe(true);
    }
    expect(new Set(sources).size).toBe(2);
    expect(urls).toHaveLength(3);
    expect(text('review-cut.edl')).toContain('* FROM CLIP NAME: waves-at-dusk-slow-pan-');
  });

  it('stores the MP4s uncompressed, byte for byte the stored files', async () => {
    const [a] = fixture.videoIds;
    const media = [...entries].filter(([name]) => name.endsWith('.mp4'));
    expect(media.every(([, entry]) => entry.compressionMethod === 0)).toBe(true);
    const stored = await fixture.gateway.test.database.query<{ sha256: string }>(
      `select sha256 from video_files where video_id = $1 and variant = 'video'`,
      [a],
    );
    const sha = stored.rows[0]?.sha256 ?? '';
    const original = await readFile(fixture.gateway.store.pathOf(sha));
    const packaged = media.find(([name]) => name.includes('a-red-kite'))?.[1].bytes;
    expect(
      createHash('sha256')
        .update(packaged ?? '')
        .digest('hex'),
    ).toBe(sha);
    expect(packaged?.length).toBe(original.length);
  });

  it('says where each clip came from in its provenance file', () => {
    const [a, b] = fixture.videoIds;
    const name = [...entries.keys()].find((each) => each.includes('provenance/a-red-kite'));
    const provenance = JSON.parse(entries.get(name ?? '')?.bytes.toString('utf8') ?? '{}');
    expect(provenance).toMatchObject({
      video_id: a,
      clips: [0, 2],
      prompt: 'A red kite over a foggy beach',
      model: 'fake/fake-1',
      provider: 'fake',
      c2pa: { status: 'sidecar', sidecar: expect.stringMatching(/^media\/.+\.c2pa$/) },
      media: { frames: 48, rate: '24/1', width: 160, height: 90, has_audio: false },
    });
    expect(provenance.cost.cost_usd).toMatch(/^\d+\.\d{6}$/);
    expect(provenance.cost.basis).toBe('list_price');
    expect(provenance.scores.index).toBeTypeOf('number');
    expect(provenance).toHaveProperty('seed');
    expect(inPackage(provenance.c2pa.sidecar)).toBe(true);
    expect(entries.get(`review-cut/${provenance.c2pa.sidecar}`)?.bytes.toString()).toBe(
      `manifest of ${a}`,
    );
    const other = [...entries.keys()].find((each) => each.includes('provenance/waves'));
    const second = JSON.parse(entries.get(other ?? '')?.bytes.toString('utf8') ?? '{}');
    expect([second.video_id, second.clips, second.scores]).toEqual([b, [1], null]);
  });
});
