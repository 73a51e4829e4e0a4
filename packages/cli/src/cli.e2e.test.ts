import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledBinaryPaths, probeVideo } from '@vgw/gateway';
import type { Video } from '@vgw/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVgw, spawnVgw } from './test-support/spawn-vgw.js';
import type { VgwProcess } from './test-support/spawn-vgw.js';

// The real binary in child processes: tsx start-up, PGlite and ffmpeg renders on two cores.
const e2eTimeoutMs = 240_000;

const directories: string[] = [];

async function freshDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'vgw-cli-e2e-'));
  directories.push(directory);
  return directory;
}

afterAll(async () => {
  await Promise.all(
    directories.map((directory) => rm(directory, { recursive: true, force: true })),
  );
});

describe('vgw binary, embedded gateway', () => {
  it(
    'generate renders a 2 s 320x240 H.264 MP4',
    async () => {
      const cwd = await freshDirectory();
      const prompt = 'a red fox running through fresh snow';
      const result = await runVgw(
        ['generate', prompt, '--seconds', '2', '--size', '320x240', '-o', 'fox.mp4'],
        { cwd },
      );
      expect(result.stderr).not.toContain('vgw:');
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toBe('fox.mp4\n');
      const probe = await probeVideo(bundledBinaryPaths().ffprobePath, join(cwd, 'fox.mp4'));
      expect(probe.codec).toBe('h264');
      expect([probe.width, probe.height]).toEqual([320, 240]);
      expect(probe.fps).toBeGreaterThan(0);
      const frameSeconds = 1 / probe.fps;
      expect(Math.abs((probe.durationSeconds ?? 0) - 2)).toBeLessThanOrEqual(frameSeconds + 1e-6);
      expect(Math.abs(probe.frames - 2 * probe.fps)).toBeLessThanOrEqual(1);
    },
    e2eTimeoutMs,
  );
});

describe('vgw binary against vgw serve', () => {
  let cwd: string;
  let server: VgwProcess;
  let remote: Record<string, string>;

  beforeAll(async () => {
    cwd = await freshDirectory();
    const created = await runVgw(['keys', 'create', '--project', 'e2e', '--json'], { cwd });
    expect(created.exitCode).toBe(0);
    const key = (JSON.parse(created.stdout) as { key: string }).key;
    server = spawnVgw(['serve', '--port', '0'], { cwd });
    const match = await server.waitForStdout(/vgw listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
    remote = { VGW_BASE_URL: `${match[1]}/v1`, VGW_API_KEY: key };
  }, e2eTimeoutMs);

  afterAll(async () => {
    // Only if a test failed before the SIGTERM test: never leave a server behind.
    if (server?.child.exitCode == null) server?.child.kill('SIGKILL');
  });

  it(
    'generate, list, get, download, delete, then get fails',
    async () => {
      const client = { cwd, environment: remote };
      const generated = await runVgw(
        [
          'generate',
          'a tiny lighthouse',
          '--seconds',
          '1',
          '--size',
          '160x120',
          '--json',
          '-o',
          'remote.mp4',
        ],
        client,
      );
      expect(generated.stderr).toBe('');
      expect(generated.exitCode).toBe(0);
      const video = JSON.parse(generated.stdout) as Video;
      expect(video).toMatchObject({ status: 'completed', size: '160x120', seconds: '1' });

      const listed = await runVgw(['list', '--json'], client);
      expect(listed.exitCode).toBe(0);
      const ids = (JSON.parse(listed.stdout) as { data: Video[] }).data.map((each) => each.id);
      expect(ids).toContain(video.id);

      const fetched = await runVgw(['get', video.id], client);
      expect(fetched.exitCode).toBe(0);
      expect(fetched.stdout).toMatch(new RegExp(`^id +${video.id}$`, 'm'));
      expect(fetched.stdout).toMatch(/^status +completed$/m);

      const downloaded = await runVgw(
        ['download', video.id, '--variant', 'thumbnail', '-o', 'thumb.jpg'],
        client,
      );
      expect(downloaded).toMatchObject({ exitCode: 0, stdout: 'thumb.jpg\n', stderr: '' });
      const jpeg = await readFile(join(cwd, 'thumb.jpg'));
      expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

      const deleted = await runVgw(['delete', video.id], client);
      expect(deleted).toMatchObject({ exitCode: 0, stdout: `deleted ${video.id}\n` });

      const gone = await runVgw(['get', video.id], client);
      expect(gone).toMatchObject({
        exitCode: 1,
        stdout: '',
        stderr: `vgw: no video with id "${video.id}" (param: video_id)\n`,
      });
    },
    e2eTimeoutMs,
  );

  it(
    'an invalid API key exits 1 with one line',
    async () => {
      const environment = { ...remote, VGW_API_KEY: 'vgw_sk_not-a-real-key' };
      const result = await runVgw(['list'], { cwd, environment });
      expect(result).toMatchObject({
        exitCode: 1,
        stdout: '',
        stderr: 'vgw: authentication failed: invalid or revoked API key; check VGW_API_KEY\n',
      });
    },
    e2eTimeoutMs,
  );

  it(
    'an embedded command on the data dir that serve holds exits 1: in use',
    async () => {
      const result = await runVgw(['generate', 'blocked', '--seconds', '1', '--size', '64x64'], {
        cwd,
      });
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        /^vgw: the embedded database in .* is in use by process \d+ [^\n]*\n$/,
      );
    },
    e2eTimeoutMs,
  );

  it(
    'SIGTERM stops the server with exit 0',
    async () => {
      server.child.kill('SIGTERM');
      const result = await server.exited;
      expect(result.signal).toBeNull();
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toBe('');
    },
    e2eTimeoutMs,
  );
});
