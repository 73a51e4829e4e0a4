import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProvenanceSigner } from '@vgw/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVgw } from '../test-support/run-vgw.js';
import { writeTinyClip } from '../test-support/tiny-clip.js';

let cwd: string;

const facts = {
  model: 'runway/gen4_turbo',
  provider: 'runway',
  route: null,
  createdAt: new Date('2026-04-05T06:07:08.000Z'),
  vgwVersion: '0.1.0',
  videoId: 'video_cli',
};

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'vgw-cli-verify-'));
  const plain = await writeTinyClip(cwd, 'plain.mp4');
  const provenance = await createProvenanceSigner({
    dataDir: join(cwd, 'data'),
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  const { signer } = provenance;
  await signer.signVideo({
    inputPath: plain,
    outputPath: join(cwd, 'signed.mp4'),
    facts,
    mode: 'embed',
  });
  await signer.signVideo({
    inputPath: plain,
    outputPath: join(cwd, 'beside.mp4'),
    facts,
    mode: 'sidecar',
  });
  const tampered = await readFile(join(cwd, 'signed.mp4'));
  const at = tampered.indexOf(Buffer.from('mdat')) + 200;
  tampered[at] = tampered[at]! ^ 0xff;
  await writeFile(join(cwd, 'tampered.mp4'), tampered);
});

afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

const vgw = (args: string[]) => runVgw(cwd, args);

describe('vgw verify', () => {
  it('prints valid and the facts, exit 0', async () => {
    const result = await vgw(['verify', 'signed.mp4']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('signed.mp4: valid');
    expect(lines).toContain('  manifest:         embedded');
    expect(lines).toContain(
      '  source type:      http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia',
    );
    expect(lines).toContain('  model:            runway/gen4_turbo');
    expect(lines).toContain('  route:            (none)');
    expect(lines).toContain('  created:          2026-04-05T06:07:08.000Z');
    expect(lines).toContain('  development key:  yes');
    expect(result.stdout).toMatch(/\n {2}- signingCredential\.untrusted: /);
  });

  it('prints the result as JSON with --json', async () => {
    const result = await vgw(['verify', 'signed.mp4', '--json']);
    expect(result.exitCode).toBe(0);
    const body = JSON.parse(result.stdout) as Record<string, any>;
    expect(body.file).toBe('signed.mp4');
    expect(body.status).toBe('valid');
    expect(body.manifest.generation).toEqual({
      model: 'runway/gen4_turbo',
      provider: 'runway',
      route: null,
      createdAt: '2026-04-05T06:07:08.000Z',
      vgwVersion: '0.1.0',
      videoId: 'video_cli',
      developmentKey: true,
    });
  });

  it('says tampered and exits 1 when a byte of the media changed', async () => {
    const result = await vgw(['verify', 'tampered.mp4', '--json']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('vgw: tampered.mp4 is tampered\n');
    const body = JSON.parse(result.stdout) as { status: string; details: string[] };
    expect(body.status).toBe('tampered');
    expect(body.details.some((line) => line.startsWith('assertion.bmffHash.mismatch'))).toBe(true);
  });

  it('says unsigned and exits 2 for a plain MP4', async () => {
    const result = await vgw(['verify', 'plain.mp4']);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe(
      'plain.mp4: unsigned\n  - no C2PA manifest in the file and no plain.mp4.c2pa beside it\n',
    );
    expect(result.stderr).toBe('vgw: plain.mp4 is unsigned\n');
  });

  it('finds the sidecar beside the file, and checks another file against it with --sidecar', async () => {
    const found = await vgw(['verify', 'beside.mp4']);
    expect(found.exitCode).toBe(0);
    expect(found.stdout).toMatch(/^beside\.mp4: valid\n {2}manifest: +sidecar\n/);
    await copyFile(join(cwd, 'signed.mp4'), join(cwd, 'other.mp4'));
    const other = await vgw(['verify', 'other.mp4', '--sidecar', 'beside.mp4.c2pa']);
    expect(other.exitCode).toBe(1);
    expect(other.stdout).toMatch(/^other\.mp4: tampered\n/);
  });

  it('exits 3 with one line when the file does not exist', async () => {
    const result = await vgw(['verify', 'nowhere.mp4']);
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('vgw: cannot verify nowhere.mp4: no such file or directory\n');
  });

  it('documents the exit codes in --help', async () => {
    const result = await vgw(['verify', '--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/0 {2}valid: /);
    expect(result.stdout).toMatch(/1 {2}tampered: /);
    expect(result.stdout).toMatch(/2 {2}unsigned: /);
    expect(result.stdout).toMatch(/3 {2}could not verify: /);
  });
});
