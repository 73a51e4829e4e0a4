import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../media/bundled-binaries.js';
import { ffmpegToFile } from '../test-support/quality-fixtures.js';
import { useScratchDirectory } from '../test-support/scratch-directory.js';
import { hasC2paBox } from './c2pa-box-scan.js';
import { loadC2paLibrary } from './c2pa-library.js';
import type { C2paAvailability } from './c2pa-library.js';
import { createVideoSigner } from './sign-video.js';
import { loadSigningCredentials } from './signing-credentials.js';
import { verifyVideo } from './verify-video.js';

const scratch = useScratchDirectory('vgw-provenance-verify-');
const facts = {
  model: 'luma/ray-2',
  provider: 'luma',
  route: null,
  createdAt: new Date('2026-05-06T07:08:09Z'),
  vgwVersion: '0.1.0',
  videoId: 'video_verify',
};

let c2pa: C2paAvailability;
let plain: string;
let signed: string;

beforeAll(async () => {
  c2pa = await loadC2paLibrary();
  plain = scratch.file('plain.mp4');
  signed = scratch.file('signed.mp4');
  const source = ['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=24:duration=1'];
  await ffmpegToFile(bundledBinaryPaths().ffmpegPath, [...source, '-pix_fmt', 'yuv420p'], plain);
  const now = () => new Date('2026-01-01T00:00:00Z');
  const credentials = await loadSigningCredentials({ dataDir: scratch.file('data'), now });
  const signer = createVideoSigner({ c2pa, credentials });
  await signer.signVideo({ inputPath: plain, outputPath: signed, facts, mode: 'embed' });
});

describe('verifyVideo', () => {
  it('calls a plain MP4 unsigned', async () => {
    expect(await hasC2paBox(plain)).toBe(false);
    expect(await verifyVideo({ path: plain }, c2pa)).toEqual({
      status: 'unsigned',
      details: ['no C2PA manifest in the file and no plain.mp4.c2pa beside it'],
    });
  });

  it('calls a file that is no MP4 at all unsigned, saying why', async () => {
    const path = scratch.file('notes.mp4');
    await writeFile(path, 'just some text, not a video\n');
    const result = await verifyVideo({ path }, c2pa);
    expect(result.status).toBe('unsigned');
    expect(result.details[0]).toMatch(/^not an MP4 the C2PA reader understands: /);
  });

  // In the uuid box: size, type, 16-byte user type, version and flags, "manifest\0", an 8-byte
  // offset, then the JUMBF manifest store.
  it.each([
    ['its purpose', 32, 36],
    ['the JUMBF store header', 53, 85],
  ])('calls a manifest box with %s damaged tampered', async (_part, from, to) => {
    expect(await hasC2paBox(signed)).toBe(true);
    const path = scratch.file(`damaged-${from}.mp4`);
    const bytes = await readFile(signed);
    const uuidBox = bytes.indexOf(Buffer.from('uuid')) - 4;
    expect(bytes.toString('latin1', uuidBox + 28, uuidBox + 36)).toBe('manifest');
    bytes.fill(0xee, uuidBox + from, uuidBox + to);
    await writeFile(path, bytes);
    const result = await verifyVideo({ path }, c2pa);
    expect(result.status).toBe('tampered');
    expect(result.details[0]).toMatch(/C2PA manifest box/);
  });

  it('calls a sidecar that is no manifest store tampered', async () => {
    const video = scratch.file('with-garbage-sidecar.mp4');
    await copyFile(plain, video);
    await writeFile(`${video}.c2pa`, 'not a manifest');
    const result = await verifyVideo({ path: video }, c2pa);
    expect(result.status).toBe('tampered');
    expect(result.details[0]).toMatch(
      /^with-garbage-sidecar\.mp4\.c2pa is not a readable C2PA manifest store for this file: /,
    );
  });

  it('prefers the embedded manifest to a sidecar found beside the file', async () => {
    const video = scratch.file('both.mp4');
    await copyFile(signed, video);
    await writeFile(`${video}.c2pa`, 'not a manifest');
    const result = await verifyVideo({ path: video }, c2pa);
    expect(result.status).toBe('valid');
    expect(result.manifest?.location).toBe('embedded');
    expect(result.manifest?.generation?.provider).toBe('luma');
  });

  it('rejects a path that is not a file', async () => {
    await expect(verifyVideo({ path: scratch.file('absent.mp4') }, c2pa)).rejects.toThrow(/ENOENT/);
    await expect(verifyVideo({ path: scratch.path }, c2pa)).rejects.toThrow(/is not a file/);
  });
});
