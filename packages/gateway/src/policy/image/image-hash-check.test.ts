import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { hammingDistance, parseHexHash } from './hamming-distance.js';
import { hashImage } from './hash-image.js';
import { createImageHashCheck, type KnownImageHashList } from './image-hash-check.js';
import { knownImageHashListSchema, type KnownImageHash } from './known-image-hash.js';
import { decompressionBombPng, lavfiPng, noisePng, solidPng } from './test-images.js';

const input = { param: 'input_reference' as const, projectHashes: [] };
let original: Buffer;
let known: KnownImageHash;
let policyList: KnownImageHashList;

const distance = (left: string, right: string) =>
  hammingDistance(parseHexHash(left), parseHexHash(right));

beforeAll(async () => {
  // testsrc is lopsided (a colour ramp, a counter, text), so its mirror hashes far from it.
  original = await lavfiPng('testsrc=s=640x360');
  const hashes = await hashImage(original);
  known = { id: 'testsrc', hash: hashes.phash, category: 'protected_characters', label: 'test' };
  policyList = { name: 'policy', hashes: [known] };
});

describe('hashImage', () => {
  it('gives 16 hex digits for the image and its mirror, and the sha-256 of the bytes', async () => {
    const hashes = await hashImage(original);
    expect(hashes.phash).toMatch(/^[0-9a-f]{16}$/);
    expect(hashes.mirrorPhash).toMatch(/^[0-9a-f]{16}$/);
    expect(hashes.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(distance(hashes.phash, hashes.mirrorPhash)).toBeGreaterThan(16);
    expect(hashes.contrast).toBeGreaterThan(20);
  });

  it('hashes a near-copy close: resized to 1/3 and recompressed as JPEG q40', async () => {
    const copy = await sharp(original).resize(213).jpeg({ quality: 40 }).toBuffer();
    expect(distance((await hashImage(copy)).phash, known.hash)).toBeLessThanOrEqual(6);
  });

  it('sees a solid fill as flat', async () => {
    expect((await hashImage(await solidPng(320, 240, '#000000'))).contrast).toBe(0);
  });
});

describe('createImageHashCheck', () => {
  it('refuses the listed image, naming its list, id and category', async () => {
    const check = createImageHashCheck({ lists: [policyList] });
    const outcome = await check.screen(original, input);
    expect(outcome).toMatchObject({
      checkId: 'image.known-hash',
      stage: 'pre',
      param: 'input_reference',
      findings: [
        {
          ruleId: 'image-hash.policy.testsrc',
          category: 'protected_characters',
          effect: 'block',
          score: 1,
        },
      ],
      scores: { nearestDistance: 0, listed: 1 },
    });
    expect(outcome.error).toBeUndefined();
  });

  it('refuses the mirrored image, whose own hash is far from the listed one', async () => {
    const mirrored = await sharp(original).flop().png().toBuffer();
    expect(distance((await hashImage(mirrored)).phash, known.hash)).toBeGreaterThan(16);
    const outcome = await createImageHashCheck({ lists: [policyList] }).screen(mirrored, input);
    expect(outcome.findings.map((finding) => finding.ruleId)).toEqual([
      'image-hash.policy.testsrc',
    ]);
  });

  it('refuses a resized, JPEG-recompressed, slightly brightened near-copy', async () => {
    const copy = await sharp(original)
      .resize(480)
      .modulate({ brightness: 1.1 })
      .jpeg({ quality: 50 })
      .toBuffer();
    const outcome = await createImageHashCheck({ lists: [policyList] }).screen(copy, input);
    expect(outcome.findings).toHaveLength(1);
    expect(outcome.scores.nearestDistance).toBeLessThanOrEqual(8);
  });

  it('allows unrelated images and reports how near the nearest entry was', async () => {
    const check = createImageHashCheck({ lists: [policyList] });
    const others = [
      await lavfiPng('smptebars=s=640x360'),
      await lavfiPng('mandelbrot=s=640x360'),
      await noisePng(640, 360, 5),
    ];
    for (const other of others) {
      const outcome = await check.screen(other, { param: 'output', projectHashes: [] });
      expect(outcome.stage).toBe('post');
      expect(outcome.findings).toEqual([]);
      expect(outcome.scores.nearestDistance).toBeGreaterThan(12);
    }
  });

  it("matches the project's own list beside the policy's, each named in the rule id", async () => {
    const logo = await lavfiPng('mandelbrot=s=640x360');
    const projectHashes: KnownImageHash[] = [
      { id: 'studio-logo', hash: (await hashImage(logo)).phash, category: 'brands', label: 'x' },
    ];
    const check = createImageHashCheck({ lists: [policyList] });
    const fromProject = await check.screen(logo, { param: 'input_reference', projectHashes });
    expect(fromProject.findings).toEqual([
      { ruleId: 'image-hash.project.studio-logo', category: 'brands', effect: 'block', score: 1 },
    ]);
    expect(fromProject.scores.listed).toBe(2);
    const fromPolicy = await check.screen(original, { param: 'input_reference', projectHashes });
    expect(fromPolicy.findings.map((finding) => finding.ruleId)).toEqual([
      'image-hash.policy.testsrc',
    ]);
    const otherProject = await check.screen(logo, input);
    expect(otherProject.findings).toEqual([]);
  });

  it('takes its threshold from the caller', async () => {
    const copy = await sharp(original).resize(480).modulate({ brightness: 1.3 }).png().toBuffer();
    const nearest = (await createImageHashCheck({ lists: [policyList] }).screen(copy, input)).scores
      .nearestDistance as number;
    expect(nearest).toBeGreaterThan(0);
    const strict = createImageHashCheck({ lists: [policyList], threshold: nearest - 1 });
    expect((await strict.screen(copy, input)).findings).toEqual([]);
    expect(strict.version).toBe(`1+phash-t${nearest - 1}`);
  });

  it('never matches a flat image, whose hash is rounding noise', async () => {
    const black = await solidPng(640, 360, '#000000');
    const blackHash = (await hashImage(black)).phash;
    const list = { name: 'policy', hashes: [{ ...known, id: 'black', hash: blackHash }] };
    const outcome = await createImageHashCheck({ lists: [list] }).screen(black, input);
    expect(outcome.findings).toEqual([]);
    expect(outcome.scores.contrast).toBe(0);
  });

  it('reports a refused decode as the error, naming the input', async () => {
    const outcome = await createImageHashCheck({ lists: [policyList] }).screen(
      decompressionBombPng(20_000),
      input,
    );
    expect(outcome.findings).toEqual([]);
    expect(outcome.error).toBe(
      'input_reference is 20000x20000; each side may be at most 8192 pixels',
    );
  });

  it('times itself with the clock it is given', async () => {
    let now = 1000;
    const elapsed = () => (now += 5);
    const check = createImageHashCheck({ lists: [policyList], elapsed });
    expect((await check.screen(original, input)).latencyMs).toBe(5);
  });
});

describe('known image hash lists', () => {
  it('lowercases hashes and refuses malformed entries and duplicate ids', () => {
    const entry = { id: 'a', hash: 'ABCDEF0123456789', category: 'brands', label: '' };
    expect(knownImageHashListSchema.parse([entry])[0]?.hash).toBe('abcdef0123456789');
    expect(knownImageHashListSchema.safeParse([{ ...entry, hash: 'abc' }]).success).toBe(false);
    expect(knownImageHashListSchema.safeParse([{ ...entry, category: 'x' }]).success).toBe(false);
    expect(knownImageHashListSchema.safeParse([entry, entry]).success).toBe(false);
  });

  it('a check refuses a threshold that is not a bit count a near-copy could have', () => {
    expect(() => createImageHashCheck({ lists: [], threshold: 40 })).toThrow(/0 to 32/);
    expect(() => createImageHashCheck({ lists: [], threshold: 2.5 })).toThrow(/whole number/);
  });

  it('a check refuses to start on a malformed policy list', () => {
    const bad = { name: 'policy', hashes: [{ ...known, hash: 'not-hex-at-all!!' }] };
    expect(() => createImageHashCheck({ lists: [bad] })).toThrow(/16 hex digits/);
  });
});
