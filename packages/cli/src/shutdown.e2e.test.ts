import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processEnvironment } from '@vgw/gateway';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runVgw, spawnVgw, type VgwProcess, type VgwResult } from './test-support/spawn-vgw.js';

// Child processes on two cores: tsx start-up, migrations and a real local render.
const e2eTimeoutMs = 240_000;
// What "promptly" means for an idle process (it was never, on Postgres, before the fix).
const exitBoundMs = 15_000;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

async function freshDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'vgw-shutdown-e2e-'));
  cleanups.push(() => rm(directory, { recursive: true, force: true }));
  return directory;
}

/** A database of its own on the test server, so the binary migrates and uses it as a user would. */
async function freshPostgresUrl(serverUrl: string): Promise<string> {
  const name = `vgw_shutdown_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function terminate(process: VgwProcess): Promise<{ result: VgwResult; elapsedMs: number }> {
  const startedAt = Date.now();
  process.child.kill('SIGTERM');
  const deadline = setTimeout(() => process.child.kill('SIGKILL'), exitBoundMs);
  const result = await process.exited.finally(() => clearTimeout(deadline));
  return { result, elapsedMs: Date.now() - startedAt };
}

function expectCleanExit(outcome: { result: VgwResult; elapsedMs: number }): void {
  expect(outcome.result.signal, outcome.result.stderr).toBeNull();
  expect(outcome.result.exitCode, outcome.result.stderr).toBe(0);
  expect(outcome.elapsedMs).toBeLessThan(exitBoundMs);
}

async function startServer(cwd: string, environment: Record<string, string>) {
  const server = spawnVgw(['serve', '--port', '0'], { cwd, environment });
  const match = await server.waitForStdout(/vgw listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
  return { server, baseUrl: match[1] as string };
}

async function videoStatus(baseUrl: string, key: string, id: string): Promise<string> {
  const response = await fetch(`${baseUrl}/v1/videos/${id}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  return ((await response.json()) as { status: string }).status;
}

async function waitForStatus(baseUrl: string, key: string, id: string, wanted: string[]) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const status = await videoStatus(baseUrl, key, id);
    if (wanted.includes(status) || Date.now() > deadline) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const databases: [string, () => Promise<Record<string, string>>][] = [['PGlite', async () => ({})]];
const serverUrl = processEnvironment().DATABASE_URL;
if (serverUrl != null) {
  databases.push(['Postgres', async () => ({ DATABASE_URL: await freshPostgresUrl(serverUrl) })]);
}

describe.each(databases)('SIGTERM on %s', (_name, environmentFor) => {
  it(
    'an idle serve and an idle worker exit 0 promptly',
    async () => {
      const cwd = await freshDirectory();
      const environment = await environmentFor();
      const { server } = await startServer(cwd, environment);
      expectCleanExit(await terminate(server));
      const worker = spawnVgw(['worker'], { cwd, environment });
      await worker.waitForStdout(/vgw worker \S+ running/);
      expectCleanExit(await terminate(worker));
    },
    e2eTimeoutMs,
  );

  it(
    'mid-render, serve exits 0 and the render is finished after a restart',
    async () => {
      const cwd = await freshDirectory();
      const environment = await environmentFor();
      const created = await runVgw(['keys', 'create', '--project', 'drain', '--json'], {
        cwd,
        environment,
      });
      const key = (JSON.parse(created.stdout) as { key: string }).key;
      const first = await startServer(cwd, environment);
      const response = await fetch(`${first.baseUrl}/v1/videos`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: 'slow waves', seconds: '12', size: '1280x720' }),
      });
      const id = ((await response.json()) as { id: string }).id;
      expect(await waitForStatus(first.baseUrl, key, id, ['in_progress', 'completed'])).toBe(
        'in_progress',
      );
      expectCleanExit(await terminate(first.server));
      const second = await startServer(cwd, environment);
      try {
        expect(await waitForStatus(second.baseUrl, key, id, ['completed', 'failed'])).toBe(
          'completed',
        );
      } finally {
        expectCleanExit(await terminate(second.server));
      }
    },
    e2eTimeoutMs,
  );
});

describe('SIGTERM under npx', () => {
  it(
    'serve exits when the shell npm exec put between it and npm is killed',
    async () => {
      const cwd = await freshDirectory();
      const wrapped = spawnVgw(['serve', '--port', '0'], { cwd, underNpmExecShell: true });
      const match = await wrapped.waitForStdout(/vgw listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
      const startedAt = Date.now();
      // What npm does with a supervisor's SIGTERM: it passes it to the shell, and only there.
      wrapped.child.kill('SIGTERM');
      const deadline = setTimeout(() => process.kill(-wrapped.child.pid!, 'SIGKILL'), exitBoundMs);
      // The shell's pipes close only when vgw, which holds them too, has exited.
      const result = await wrapped.exited.finally(() => clearTimeout(deadline));
      expect(Date.now() - startedAt, result.stderr).toBeLessThan(exitBoundMs);
      expect(result.stderr).not.toMatch(/error/i);
      await expect(fetch(`${match[1]}/v1/videos`)).rejects.toThrow();
    },
    e2eTimeoutMs,
  );
});

describe('SIGTERM on an emulator', () => {
  it(
    'vgw emulate exits 0 promptly',
    async () => {
      const cwd = await freshDirectory();
      const emulator = spawnVgw(['emulate', 'runway', '--port', '0'], { cwd });
      await emulator.waitForStdout(/vgw emulating runway on http:\/\/127\.0\.0\.1:\d+/);
      expectCleanExit(await terminate(emulator));
    },
    e2eTimeoutMs,
  );
});
