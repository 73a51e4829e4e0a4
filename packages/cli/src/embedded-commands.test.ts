import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Video } from '@vgw/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './main.js';
import { captureIo } from './test-support/capture-io.js';

/** One data dir for the file: the commands run one after another, as a user would. */
let cwd: string;

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'vgw-cli-embedded-'));
});

afterAll(async () => {
  // A cancelled render's process may still be writing its last files for a moment.
  await rm(cwd, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

async function vgw(args: string[], options: { isTTY?: boolean } = {}) {
  const captured = captureIo({ cwd, ...options });
  const exitCode = await run(['node', 'vgw', ...args], captured.io);
  return { exitCode, stdout: captured.stdout(), stderr: captured.stderr() };
}

function parseJson<Value>(text: string): Value {
  return JSON.parse(text) as Value;
}

describe('embedded gateway, in-process', () => {
  it('engines --json lists the local engine as the default', async () => {
    const result = await vgw(['engines', '--json']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    const body = parseJson<{ object: string; data: Record<string, unknown>[] }>(result.stdout);
    expect(body.object).toBe('list');
    expect(body.data).toContainEqual(
      expect.objectContaining({ id: 'local', provider: 'local', default: true }),
    );
  });

  it('engines prints a table with every declared model and whether it is configured', async () => {
    const result = await vgw(['engines']);
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]?.split(/\s+/)).toEqual([
      'ID',
      'CONFIGURED',
      'DEFAULT',
      'SECONDS',
      'SIZES',
      'FPS',
      'USD/S',
      'HEALTH',
    ]);
    expect(lines[1]?.split(/\s+/)).toEqual([
      'local',
      'yes',
      'yes',
      '1-20',
      '64x64-1920x1920,≤2073600px',
      '1-60',
      '$0.000',
      'closed',
    ]);
    const runway = lines.find((line) => line.startsWith('runway/gen4_turbo '));
    expect(runway?.split(/\s+/).slice(0, 4)).toEqual([
      'runway/gen4_turbo',
      'no',
      '5,10',
      '1280x720,720x1280,…',
    ]);
  });

  it('list --json on a fresh data dir is an empty page', async () => {
    const result = await vgw(['list', '--json']);
    expect(result).toEqual({
      exitCode: 0,
      stderr: '',
      stdout: `${JSON.stringify({ object: 'list', data: [], has_more: false, first_id: null, last_id: null }, null, 2)}\n`,
    });
    expect(await vgw(['list'])).toEqual({ exitCode: 0, stdout: 'no videos\n', stderr: '' });
  });

  it('get of an unknown id exits 1 naming the param', async () => {
    const result = await vgw(['get', 'video_missing']);
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'vgw: no video with id "video_missing" (param: video_id)\n',
    });
  });

  it('keys create, list and revoke', async () => {
    const created = await vgw(['keys', 'create', '--project', 'cli-test', '--json']);
    expect(created.exitCode).toBe(0);
    const key = parseJson<{ id: string; key: string; project: string }>(created.stdout);
    expect(key.key).toMatch(/^vgw_sk_[A-Za-z0-9_-]{43}$/);
    expect(key.id).toMatch(/^key_/);
    expect(key.project).toBe('cli-test');

    const listed = await vgw(['keys', 'list', '--json']);
    const keys = parseJson<{ data: { id: string; key_prefix: string; revoked_at: null }[] }>(
      listed.stdout,
    );
    expect(keys.data).toContainEqual(
      expect.objectContaining({ id: key.id, key_prefix: key.key.slice(0, 11), revoked_at: null }),
    );
    // The plain key is never shown again.
    expect(listed.stdout).not.toContain(key.key);

    expect(await vgw(['keys', 'revoke', key.id])).toEqual({
      exitCode: 0,
      stdout: `revoked ${key.id}\n`,
      stderr: '',
    });
    expect(await vgw(['keys', 'revoke', key.id])).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: `vgw: no active API key with id "${key.id}" (see "vgw keys list")\n`,
    });
  });

  it('rejects a bad project name before touching the database', async () => {
    const result = await vgw(['keys', 'create', '--project', 'no spaces']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'vgw: project name "no spaces" is not valid: use 1-64 letters, digits, ".", "_" or "-"\n',
    );
  });

  it('generate --dry-run prices the render and renders nothing', async () => {
    const before = (await vgw(['list', '--json'])).stdout;
    const result = await vgw([
      'generate',
      'a red fox',
      '--seconds',
      '3',
      '--size',
      '320x240',
      '--dry-run',
    ]);
    expect(result).toEqual({
      exitCode: 0,
      stdout: 'would render 3 s at 320x240 on local: 0.000000 USD (0.000000 USD/s, list price)\n',
      stderr: '',
    });
    const json = await vgw(['generate', 'a red fox', '--dry-run', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ object: 'video.estimate', model: 'local' });
    expect((await vgw(['list', '--json'])).stdout).toBe(before);
    const refused = await vgw(['generate', 'a red fox', '--model', 'nope', '--dry-run']);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('unknown model "nope"');
  });

  it('generate --json prints only the finished video on stdout', async () => {
    const result = await vgw([
      'generate',
      'a blue square',
      '--seconds',
      '1',
      '--size',
      '64x64',
      '--json',
      '-o',
      'square.mp4',
    ]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const video = parseJson<Video>(result.stdout);
    expect(video).toMatchObject({
      object: 'video',
      status: 'completed',
      size: '64x64',
      seconds: '1',
    });
    expect((await stat(join(cwd, 'square.mp4'))).size).toBeGreaterThan(0);
    const listed = await vgw(['list']);
    expect(listed.stdout).toMatch(new RegExp(`^${video.id}  completed  local  1 +64x64`, 'm'));
  });

  it('generate draws a progress bar on a terminal and writes <id>.mp4 by default', async () => {
    const result = await vgw(['generate', 'a green circle', '--seconds', '1', '--size', '64x64'], {
      isTTY: true,
    });
    expect(result.exitCode).toBe(0);
    const path = result.stdout.trim();
    expect(path).toMatch(/^video_[0-9a-f]{32}\.mp4$/);
    expect((await readFile(join(cwd, path))).subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(result.stderr).toContain('completed   |');
    expect(result.stderr).toContain('100% | video_');
  });

  it('generate prints plain status lines when not on a terminal, and warnings', async () => {
    const result = await vgw([
      'generate',
      'stripes',
      '--seconds',
      '1.4',
      '--size',
      '64x64',
      '--fps',
      '12',
    ]);
    expect(result.exitCode).toBe(0);
    const id = result.stdout.trim().replace(/\.mp4$/, '');
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe(
      "vgw: warning: seconds: seconds rounded to the model's step of 1 (requested 1.4, used 1)",
    );
    expect(lines[1]).toBe(`${id} queued`);
    expect(lines.at(-1)).toBe(`${id} completed`);
  });

  it('generate --no-progress prints nothing on stderr', async () => {
    const result = await vgw([
      'generate',
      'dots',
      '--seconds',
      '1',
      '--size',
      '64x64',
      '--no-progress',
      '-o',
      'dots.mp4',
    ]);
    expect(result).toEqual({ exitCode: 0, stdout: 'dots.mp4\n', stderr: '' });
  });

  it('generate reports a request the engine cannot serve with its param', async () => {
    const result = await vgw(['generate', 'huge', '--size', '4000x4000']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^vgw: [^\n]*4000x4000[^\n]* \(param: size\)\n$/);
  });

  it('generate reports an unreadable --input-reference', async () => {
    const result = await vgw(['generate', 'x', '--input-reference', 'missing.png']);
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'vgw: cannot read missing.png: no such file or directory\n',
    });
  });

  it('list --all walks every page', async () => {
    const firstPage = JSON.parse((await vgw(['list', '--limit', '1', '--json'])).stdout) as {
      data: Video[];
      has_more: boolean;
    };
    expect(firstPage.data).toHaveLength(1);
    expect(firstPage.has_more).toBe(true);
    const all = await vgw(['list', '--all', '--limit', '1', '--order', 'asc', '--json']);
    const body = JSON.parse(all.stdout) as { data: Video[]; has_more: boolean };
    expect(body.has_more).toBe(false);
    expect(body.data.length).toBeGreaterThanOrEqual(3);
    const created = body.data.map((video) => video.created_at);
    expect(created).toEqual([...created].sort((left, right) => left - right));
  });

  it('generate --timeout gives up waiting with one line', async () => {
    const result = await vgw([
      'generate',
      'impatient',
      '--seconds',
      '1',
      '--size',
      '64x64',
      '--timeout',
      '0.001',
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^vgw: gave up after 0\.001 s: video (video_\w+) is still queued \(0%\); check later with "vgw get \1"\n$/m,
    );
  });

  it('download and delete an existing video', async () => {
    const listed = parseJson<{ data: Video[] }>((await vgw(['list', '--json'])).stdout);
    const id = listed.data.find((video) => video.status === 'completed')?.id as string;
    const thumbnail = await vgw(['download', id, '--variant', 'thumbnail']);
    expect(thumbnail).toEqual({ exitCode: 0, stdout: `${id}-thumbnail.jpg\n`, stderr: '' });
    const jpeg = await readFile(join(cwd, `${id}-thumbnail.jpg`));
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(await vgw(['delete', id])).toEqual({
      exitCode: 0,
      stdout: `deleted ${id}\n`,
      stderr: '',
    });
    expect((await vgw(['get', id])).exitCode).toBe(1);
  });
});

describe('interrupts', () => {
  it('Ctrl-C during generate exits 130 and releases the data dir', async () => {
    const captured = captureIo({ cwd });
    const running = run(
      ['node', 'vgw', 'generate', 'slow', '--seconds', '3', '--size', '64x64'],
      captured.io,
    );
    await captured.waitForOutput(/ queued\n/);
    captured.interrupt('SIGINT');
    expect(await running).toBe(130);
    const message =
      /vgw: interrupted; video (video_\w+) is (queued|in_progress): "vgw worker" finishes it, "vgw delete \1" cancels it\n$/.exec(
        captured.stderr(),
      );
    expect(message).not.toBeNull();
    // The lock and database were released: the next command opens them (and cancels the render).
    const id = message?.[1] as string;
    expect(await vgw(['delete', id])).toEqual({
      exitCode: 0,
      stdout: `deleted ${id}\n`,
      stderr: '',
    });
  });

  it('worker runs until SIGINT, then exits 0', async () => {
    const captured = captureIo({ cwd });
    const running = run(['node', 'vgw', 'worker', '--concurrency', '2'], captured.io);
    await captured.waitForOutput(/vgw worker worker_\w+ running \(concurrency 2\)\n/);
    captured.interrupt('SIGINT');
    expect(await running).toBe(0);
  });

  it('serve listens, answers, and exits 0 on SIGTERM', async () => {
    const captured = captureIo({ cwd });
    const running = run(['node', 'vgw', 'serve', '--port', '0'], captured.io);
    const output = await captured.waitForOutput(/vgw listening on http:\/\/\S+\n/);
    const url = /vgw listening on (http:\/\/\S+)\n/.exec(output)?.[1] as string;
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const unauthenticated = await fetch(`${url}/v1/videos`);
    expect(unauthenticated.status).toBe(401);
    captured.interrupt('SIGTERM');
    expect(await running).toBe(0);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
