// Status reads under concurrent load against real `vgw serve` processes on Postgres (issue 9):
// each checkout's server (the working tree, and BENCH_BASELINE's when set) on one fresh
// database, measured in interleaved rounds so machine noise falls on both sides alike.
import { randomBytes } from 'node:crypto';
import { setTimeout as pause } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';
import { workingTree, type Checkout } from './baseline-checkout.js';
import { postgresUrl } from './bench-database.js';
import { runCli, startServe, type ServeProcess } from './vgw-serve-process.js';
import { median } from './median.js';

export interface RetrieveRow {
  checkout: string;
  route: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Every round's req/s, in order: the spread says how noisy the machine was. */
  rounds: string;
  failures: number;
}

/** `overallRate`: the offered load in req/s across all connections (unset: as fast as it answers). */
type Route = { name: string; path: (ids: SeededVideos) => string; overallRate?: number };

interface SeededVideos {
  apiKey: string;
  completedId: string;
  queuedId: string;
}

const routes: Route[] = [
  {
    name: 'GET /v1/videos/{id} (completed, scored)',
    path: (ids) => `/v1/videos/${ids.completedId}`,
  },
  { name: 'GET /v1/videos/{id} (queued)', path: (ids) => `/v1/videos/${ids.queuedId}` },
  {
    name: 'GET /v1/videos/{id} (completed, scored) at 2,000 req/s',
    path: (ids) => `/v1/videos/${ids.completedId}`,
    overallRate: 2000,
  },
  { name: 'GET /healthz', path: () => '/healthz' },
];

async function freshDatabase(): Promise<{ url: string; dispose(): Promise<void> }> {
  const name = `vgw_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async dispose() {
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}

async function createVideo(server: ServeProcess, apiKey: string): Promise<string> {
  const response = await fetch(`${server.url}/v1/videos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt: 'a fox in the snow', seconds: 4 }),
  });
  if (response.status !== 200) throw new Error(`create answered ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

/** Renders and scores one video with the local engine (a server with its workers), then stops. */
async function completedScoredVideo(databaseUrl: string, apiKey: string): Promise<string> {
  const server = await startServe(workingTree, databaseUrl, {});
  try {
    const id = await createVideo(server, apiKey);
    for (let waited = 0; waited < 180_000; waited += 250) {
      const response = await fetch(`${server.url}/v1/videos/${id}`, {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      const video = (await response.json()) as { status: string; scores: unknown };
      if (video.status === 'failed')
        throw new Error(`the seed video failed: ${JSON.stringify(video)}`);
      if (video.status === 'completed' && video.scores != null) return id;
      await pause(250);
    }
    throw new Error('the seed video was not completed and scored within 3 minutes');
  } finally {
    await server.stop();
  }
}

async function load(
  url: string,
  apiKey: string,
  connections: number,
  seconds: number,
  overallRate?: number,
) {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    ...(overallRate == null ? {} : { overallRate }),
    headers: { authorization: `Bearer ${apiKey}` },
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

type Sample = Awaited<ReturnType<typeof load>>;

function summarize(checkout: string, route: string, samples: Sample[]): RetrieveRow {
  return {
    checkout,
    route,
    requestsPerSecond: Math.round(median(samples.map((sample) => sample.requestsPerSecond))),
    p50Ms: median(samples.map((sample) => sample.p50Ms)),
    p99Ms: median(samples.map((sample) => sample.p99Ms)),
    rounds: samples.map((sample) => sample.requestsPerSecond).join(' '),
    failures: samples.reduce((sum, sample) => sum + sample.failures, 0),
  };
}

export interface RetrieveOptions {
  checkouts: Checkout[];
  seconds: number;
  rounds: number;
  connections: number;
}

/** Medians over `rounds` interleaved rounds (the order flips every round), per checkout. */
export async function benchRetrieve(options: RetrieveOptions): Promise<RetrieveRow[]> {
  const database = await freshDatabase();
  const servers: ServeProcess[] = [];
  try {
    const created = await runCli(workingTree, database.url, [
      'keys',
      'create',
      '--project',
      'bench',
      '--json',
    ]);
    const apiKey = (JSON.parse(created) as { key: string }).key;
    const completedId = await completedScoredVideo(database.url, apiKey);
    // Workers off while measuring: the queued video stays queued, and no render shares the CPU.
    for (const checkout of options.checkouts) {
      servers.push(await startServe(checkout, database.url, { workers: { inServe: false } }));
    }
    const ids = {
      apiKey,
      completedId,
      queuedId: await createVideo(servers[0] as ServeProcess, apiKey),
    };
    for (const server of servers) {
      for (const route of routes)
        await load(`${server.url}${route.path(ids)}`, apiKey, options.connections, 2);
    }
    const samples = servers.map(() => routes.map((): Sample[] => []));
    for (let round = 0; round < options.rounds; round += 1) {
      const order = servers.map((_, index) => index);
      if (round % 2 === 1) order.reverse();
      for (const index of order) {
        for (const [routeIndex, route] of routes.entries()) {
          const url = `${(servers[index] as ServeProcess).url}${route.path(ids)}`;
          samples[index]?.[routeIndex]?.push(
            await load(url, apiKey, options.connections, options.seconds, route.overallRate),
          );
        }
      }
    }
    return options.checkouts.flatMap((checkout, index) =>
      routes.map((route, routeIndex) =>
        summarize(checkout.name, route.name, samples[index]?.[routeIndex] ?? []),
      ),
    );
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await database.dispose();
  }
}

/** Retrieve over healthz per checkout, and each checkout over the first (the baseline). */
export function retrieveRatios(rows: RetrieveRow[]) {
  const first = rows[0]?.checkout;
  return [...new Set(rows.map((row) => row.checkout))].map((checkout) => {
    const own = rows.filter((row) => row.checkout === checkout);
    const healthz = own.find((row) => row.route === 'GET /healthz')?.requestsPerSecond ?? NaN;
    const ratios: Record<string, number | string> = { checkout };
    for (const row of own.filter((each) => each.route !== 'GET /healthz')) {
      const baseline = rows.find((each) => each.checkout === first && each.route === row.route);
      ratios[`${row.route} / healthz`] = Number((row.requestsPerSecond / healthz).toFixed(2));
      ratios[`${row.route} vs ${first}`] = Number(
        (row.requestsPerSecond / (baseline?.requestsPerSecond ?? NaN)).toFixed(2),
      );
    }
    return ratios;
  });
}
