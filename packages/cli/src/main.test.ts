import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from './main.js';
import { captureIo } from './test-support/capture-io.js';

let cwd: string;

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'vgw-cli-main-'));
});

afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

async function vgw(args: string[], environment: Record<string, string> = {}) {
  const captured = captureIo({ cwd, environment });
  const exitCode = await run(['node', 'vgw', ...args], captured.io);
  return { exitCode, stdout: captured.stdout(), stderr: captured.stderr() };
}

/** A loopback port with nothing listening on it: connections are refused at once. */
async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address == null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('usage errors', () => {
  it.each([
    [['generate'], "vgw: missing required argument 'prompt'\n"],
    [['generate', 'a fox', '--bogus'], "vgw: unknown option '--bogus'\n"],
    [
      ['generate', 'a fox', '--seconds', 'two'],
      "vgw: option '--seconds <n>' argument 'two' is invalid. expected a number greater than 0.\n",
    ],
    [
      ['generate', 'a fox', '--size', '320by240'],
      "vgw: option '--size <WxH>' argument '320by240' is invalid. expected WIDTHxHEIGHT, e.g. 1280x720.\n",
    ],
    [
      ['list', '--order', 'sideways'],
      "vgw: option '--order <order>' argument 'sideways' is invalid. Allowed choices are asc, desc.\n",
    ],
    [
      ['list', '--limit', '0'],
      "vgw: option '--limit <n>' argument '0' is invalid. expected a whole number of 1 or more.\n",
    ],
    [
      ['serve', '--port', '70000'],
      "vgw: option '--port <n>' argument '70000' is invalid. expected a port from 0 to 65535.\n",
    ],
    [
      ['get', 'video_1', 'video_2'],
      "vgw: too many arguments for 'get'. Expected 1 argument but got 2.\n",
    ],
    [['keys', 'create'], "vgw: required option '--project <name>' not specified\n"],
    [['generat', 'x'], "vgw: unknown command 'generat' (Did you mean generate?)\n"],
  ])('vgw %j exits 2 with one line', async (args, expected) => {
    const result = await vgw(args);
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: expected });
  });

  it('prints help to stderr and exits 2 when no command is given', async () => {
    const result = await vgw([]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: vgw [options] [command]');
    expect(result.stderr).toContain('generate [options] <prompt>');
  });

  it('prints the version and help on stdout with exit 0', async () => {
    expect(await vgw(['--version'])).toEqual({ exitCode: 0, stdout: '0.1.0\n', stderr: '' });
    const help = await vgw(['generate', '--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('-o, --output <file>');
    expect(help.stdout).toContain('--no-progress');
  });
});

describe('configuration errors', () => {
  it('names the bad key of vgw.config.json', async () => {
    await writeFile(join(cwd, 'vgw.config.json'), JSON.stringify({ server: { port: 'eighty' } }));
    const result = await vgw(['list']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `vgw: invalid configuration (${join(cwd, 'vgw.config.json')}): server.port: Invalid input: expected number, received NaN\n`,
    );
  });

  it('names an unknown key', async () => {
    await writeFile(join(cwd, 'vgw.config.json'), JSON.stringify({ workers: { concurency: 2 } }));
    const result = await vgw(['engines']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^vgw: invalid configuration \(.*\): workers: .*"concurency"\n$/);
  });

  it('reports a config file that is not valid JSON in one line', async () => {
    await writeFile(join(cwd, 'custom.json'), '{ "logLevel": ');
    const result = await vgw(['--config', 'custom.json', 'list']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^vgw: config file .*custom\.json is not valid: [^\n]+\n$/);
  });

  it('reports a missing --config file', async () => {
    const result = await vgw(['list', '--config', 'absent.yaml']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^vgw: cannot read config file .*absent\.yaml: ENOENT[^\n]*\n$/);
  });

  it('wants VGW_API_KEY together with VGW_BASE_URL', async () => {
    const result = await vgw(['list'], { VGW_BASE_URL: 'http://127.0.0.1:9/v1' });
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'vgw: VGW_BASE_URL is set but VGW_API_KEY is not: set both to use a remote gateway\n',
    });
  });

  it('rejects a VGW_BASE_URL that is not a URL', async () => {
    const result = await vgw(['get', 'video_1'], { VGW_BASE_URL: 'gateway', VGW_API_KEY: 'k' });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'vgw: VGW_BASE_URL "gateway" is not an absolute URL (e.g. http://127.0.0.1:8080/v1)\n',
    );
  });
});

describe('remote mode', () => {
  it('explains a refused connection in one line', async () => {
    const baseURL = `http://127.0.0.1:${await refusedPort()}/v1`;
    const result = await vgw(['list'], { VGW_BASE_URL: baseURL, VGW_API_KEY: 'vgw_sk_x' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      new RegExp(
        `^vgw: cannot reach the gateway at ${baseURL} \\(.*ECONNREFUSED.*\\); is it running\\?\\n$`,
      ),
    );
  });
});
