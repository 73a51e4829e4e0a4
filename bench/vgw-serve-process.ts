// A real `vgw serve` process (the CLI's own entry point, its own logger and pool), on port 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Checkout } from './baseline-checkout.js';

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

function cliEntry(checkout: Checkout): string {
  return join(checkout.directory, 'packages', 'cli', 'bin', 'vgw.js');
}

/** Runs a one-shot CLI command of `checkout` against `databaseUrl`; resolves to its stdout. */
export async function runCli(
  checkout: Checkout,
  databaseUrl: string,
  args: string[],
): Promise<string> {
  const child = spawn(process.execPath, [cliEntry(checkout), ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`vgw ${args.join(' ')} exited with ${code}`);
  return output;
}

/**
 * Starts `vgw serve` from `checkout` with `config` as its configuration file and its own data
 * directory; resolves once it listens. Its logs are read and dropped, as a log shipper would.
 */
export async function startServe(
  checkout: Checkout,
  databaseUrl: string,
  config: Record<string, unknown>,
): Promise<ServeProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vgw-serve-'));
  const configFile = join(dataDir, 'vgw.config.json');
  await writeFile(configFile, JSON.stringify(config));
  const child = spawn(
    process.execPath,
    [cliEntry(checkout), '--config', configFile, 'serve', '--port', '0'],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, VGW_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: checkout.directory,
    },
  );
  const stop = async () => {
    if (child.exitCode == null) {
      child.kill('SIGINT');
      await once(child, 'exit');
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  let url: string | null = null;
  for await (const line of createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
    url = /^vgw listening on (\S+)/.exec(line)?.[1] ?? null;
    if (url != null) break;
  }
  if (url == null) {
    await stop();
    throw new Error(`vgw serve from ${checkout.name} exited before it listened`);
  }
  // Leaving the loop closed the line reader, which paused the pipe: keep draining it.
  child.stdout?.resume();
  return { url, child, stop };
}
