import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sequence, Video } from '@vgw/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVgw } from '../test-support/run-vgw.js';

// Embedded gateway with the local engine: two 1 s ffmpeg renders, then the sequence commands.
const timeoutMs = 120_000;

describe('vgw sequence and vgw export, embedded', () => {
  let cwd: string;
  let first: Video;
  let second: Video;

  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'vgw-cli-sequence-'));
    const render = async (prompt: string) => {
      const args = ['generate', prompt, '--seconds', '1', '--size', '160x96', '--fps', '24'];
      const result = await runVgw(cwd, [...args, '--no-progress', '--json']);
      expect(result.stderr).toBe('');
      return JSON.parse(result.stdout) as Video;
    };
    first = await render('a red kite over the sea');
    second = await render('a lighthouse at night');
  }, timeoutMs);
  afterAll(async () => rm(cwd, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }));

  it(
    'creates, extends, shows, lists and deletes a sequence',
    async () => {
      const created = await runVgw(cwd, [
        ...['sequence', 'create', '--fps', '24', '--name', 'Review Cut'],
        ...[first.id, `${second.id}:0-12`],
      ]);
      expect(created.stderr).toBe('');
      const id = created.stdout.trim();
      expect(id).toMatch(/^seq_[0-9a-f]{32}$/);
      expect(await runVgw(cwd, ['sequence', 'add', id, `${first.id}:6-`])).toEqual({
        exitCode: 0,
        stdout: `${id}: 3 clips\n`,
        stderr: '',
      });
      const shown = JSON.parse((await runVgw(cwd, ['sequence', 'get', id, '--json'])).stdout);
      expect((shown as Sequence).clips).toEqual([
        { video_id: first.id, in: 0, out: 24, track: 1 },
        { video_id: second.id, in: 0, out: 12, track: 1 },
        { video_id: first.id, in: 6, out: 24, track: 1 },
      ]);
      expect(shown).toMatchObject({ name: 'Review Cut', size: '160x96', duration_frames: 54 });
      const details = (await runVgw(cwd, ['sequence', 'get', id])).stdout;
      expect(details).toContain('start     01:00:00:00');
      expect(details).toMatch(/2\s+video_\w+\s+6\s+24\s+V1/);
      const listed = (await runVgw(cwd, ['sequence', 'list'])).stdout.split('\n');
      expect(listed[0]?.split(/\s{2,}/)).toEqual([
        'ID',
        'NAME',
        'FPS',
        'SIZE',
        'CLIPS',
        'FRAMES',
        'CREATED',
      ]);
      expect(listed[1]).toMatch(new RegExp(`^${id}\\s+Review Cut\\s+24\\s+160x96\\s+3\\s+54`));
      const otio = await runVgw(cwd, ['export', id, '--format', 'otio', '-o', 'cut.otio']);
      expect([otio.exitCode, otio.stdout, otio.stderr]).toEqual([0, 'cut.otio\n', '']);
      const timeline = JSON.parse(await readFile(join(cwd, 'cut.otio'), 'utf8'));
      const ranges = timeline.tracks.children[0].children.map(
        (clip: any) => clip.source_range.duration.value,
      );
      expect(ranges).toEqual([24, 12, 18]);
      const zipped = await runVgw(cwd, [
        'export',
        id,
        '--format',
        'package',
        '--fcpxml-version',
        '1.8',
      ]);
      expect(zipped.stdout).toBe(`${id}.zip\n`);
      const zip = await readFile(join(cwd, `${id}.zip`));
      expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
      expect(zip.includes('review-cut/review-cut.fcpxml')).toBe(true);
      expect(await runVgw(cwd, ['sequence', 'delete', id])).toEqual({
        exitCode: 0,
        stdout: `deleted ${id}\n`,
        stderr: '',
      });
      expect((await runVgw(cwd, ['sequence', 'list'])).stdout).toBe('no sequences\n');
    },
    timeoutMs,
  );

  it('says what is wrong with a rate, a clip range and a clip argument', async () => {
    const rate = await runVgw(cwd, ['sequence', 'create', '--fps', '23.98', first.id]);
    expect(rate.exitCode).not.toBe(0);
    expect(rate.stderr).toContain('23.976');
    const range = await runVgw(cwd, ['sequence', 'create', '--fps', '24', `${first.id}:0-99`]);
    expect(range.stderr).toContain('clips[0].out');
    const spec = await runVgw(cwd, ['sequence', 'create', '--fps', '24', 'video_1:x-2']);
    expect(spec.exitCode).toBe(2);
    expect(spec.stderr).toContain('VIDEO_ID:IN-OUT');
  });
});
