import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { workingTree, type Checkout } from './baseline-checkout.js';
import { median } from './median.js';

interface Endpoints {
  gateway: string;
  emulator: string;
  apiKey: string;
  key: string;
  taskId: string;
  videoId: string;
}

interface Sample {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

async function latency(options: autocannon.Options): Promise<Sample> {
  const result = await autocannon({ connections: 4, ...options });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
  };
}

/** The emulator and a gateway configured against it, both from `checkout`, in one process. */
async function startOverheadServer(
  checkout: Checkout,
): Promise<{ child: ChildProcess; endpoints: Endpoints }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/overhead-server.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: checkout.directory,
  });
  for await (const line of createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
    if (line.startsWith('{')) return { child, endpoints: JSON.parse(line) as Endpoints };
  }
  throw new Error(`overhead server of ${checkout.name} did not start`);
}

/** The four rows, each an autocannon run of `seconds`: status and create, direct and via vgw. */
function rowsOf(endpoints: Endpoints, seconds: number) {
  const runwayHeaders = {
    authorization: `Bearer ${endpoints.apiKey}`,
    'x-runway-version': '2024-11-06',
    'content-type': 'application/json',
  };
  const vgwHeaders = {
    authorization: `Bearer ${endpoints.key}`,
    'content-type': 'application/json',
  };
  const runwayCreate = {
    model: 'gen4.5',
    promptText: '[moderate] bench',
    ratio: '1280:720',
    duration: 5,
  };
  const vgwCreate = { model: 'runway/gen4.5', prompt: 'bench', seconds: 5, size: '1280x720' };
  return [
    {
      path: 'status, direct',
      options: {
        url: `${endpoints.emulator}/v1/tasks/${endpoints.taskId}`,
        headers: runwayHeaders,
      },
    },
    {
      path: 'status, via vgw',
      options: { url: `${endpoints.gateway}/v1/videos/${endpoints.videoId}`, headers: vgwHeaders },
    },
    {
      path: 'create, direct',
      options: {
        url: `${endpoints.emulator}/v1/text_to_video`,
        method: 'POST' as const,
        headers: runwayHeaders,
        body: JSON.stringify(runwayCreate),
      },
    },
    {
      path: 'create, via vgw',
      options: {
        url: `${endpoints.gateway}/v1/videos`,
        method: 'POST' as const,
        headers: vgwHeaders,
        body: JSON.stringify(vgwCreate),
      },
    },
  ].map((row) => ({ path: row.path, options: { ...row.options, duration: seconds } }));
}

/**
 * Create and status-read latency with and without vgw in the path, side by side, against the
 * Runway emulator. The emulator's create starts no render (the prompt carries `[moderate]`).
 * With several checkouts, each runs its own server and the rounds alternate between them;
 * figures are medians over the rounds.
 */
export async function benchGatewayOverhead(
  seconds: number,
  checkouts: Checkout[] = [workingTree],
  rounds = 1,
) {
  const servers: Array<{ child: ChildProcess; endpoints: Endpoints }> = [];
  try {
    for (const checkout of checkouts) servers.push(await startOverheadServer(checkout));
    const samples = servers.map(() => new Map<string, Sample[]>());
    for (let round = 0; round < rounds; round += 1) {
      const order = servers.map((_, index) => index);
      if (round % 2 === 1) order.reverse();
      for (const index of order) {
        for (const row of rowsOf((servers[index] as (typeof servers)[number]).endpoints, seconds)) {
          const byPath = samples[index] as Map<string, Sample[]>;
          byPath.set(row.path, [...(byPath.get(row.path) ?? []), await latency(row.options)]);
        }
      }
    }
    return checkouts.flatMap((checkout, index) =>
      [...(samples[index] as Map<string, Sample[]>)].map(([path, runs]) => ({
        checkout: checkout.name,
        path,
        requestsPerSecond: Math.round(median(runs.map((run) => run.requestsPerSecond))),
        p50Ms: median(runs.map((run) => run.p50Ms)),
        p99Ms: median(runs.map((run) => run.p99Ms)),
        non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
      })),
    );
  } finally {
    for (const server of servers) {
      if (server.child.exitCode != null) continue;
      server.child.kill('SIGTERM');
      await once(server.child, 'exit');
    }
  }
}

/** vgw's added p99 (via vgw minus direct), per checkout, for status reads and creates. */
export function addedP99(rows: Awaited<ReturnType<typeof benchGatewayOverhead>>) {
  return [...new Set(rows.map((row) => row.checkout))].map((checkout) => {
    const p99 = (path: string) =>
      rows.find((row) => row.checkout === checkout && row.path === path)?.p99Ms ?? NaN;
    return {
      checkout,
      statusAddedP99Ms: p99('status, via vgw') - p99('status, direct'),
      createAddedP99Ms: p99('create, via vgw') - p99('create, direct'),
    };
  });
}
