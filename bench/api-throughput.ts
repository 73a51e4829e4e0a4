import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

export interface LoadResult {
  database: string;
  route: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

async function startServer(
  kind: string,
): Promise<{ child: ChildProcess; port: number; apiKey: string; videoId: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/api-server.ts', kind], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    if (line.startsWith('{'))
      return { child, ...(JSON.parse(line) as { port: number; apiKey: string; videoId: string }) };
  }
  throw new Error(`bench server for ${kind} exited before it was ready`);
}

async function load(url: string, options: Partial<autocannon.Options>, seconds: number) {
  const result = await autocannon({ url, connections: 16, duration: seconds, ...options });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Retrieve and create throughput against a real listening server, one database at a time. */
export async function benchApi(kinds: string[], seconds: number): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const kind of kinds) {
    const server = await startServer(kind);
    const base = `http://127.0.0.1:${server.port}`;
    const headers = {
      authorization: `Bearer ${server.apiKey}`,
      'content-type': 'application/json',
    };
    try {
      await load(`${base}/v1/videos/${server.videoId}`, { headers }, 2);
      results.push({
        database: kind,
        route: 'GET /v1/videos/{id}',
        ...(await load(`${base}/v1/videos/${server.videoId}`, { headers }, seconds)),
      });
      results.push({
        database: kind,
        route: 'POST /v1/videos',
        ...(await load(
          `${base}/v1/videos`,
          { method: 'POST', headers, body: JSON.stringify({ prompt: 'a fox', seconds: 4 }) },
          seconds,
        )),
      });
    } finally {
      server.child.kill('SIGTERM');
      await once(server.child, 'exit');
    }
  }
  return results;
}
