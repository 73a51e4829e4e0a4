import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

interface Endpoints {
  gateway: string;
  emulator: string;
  apiKey: string;
  key: string;
  taskId: string;
  videoId: string;
}

async function latency(options: autocannon.Options) {
  const result = await autocannon({ connections: 4, ...options });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
  };
}

/**
 * Create and status-read latency with and without vgw in the path, side by side, against the
 * Runway emulator. The emulator's create starts no render (the prompt carries `[moderate]`).
 */
export async function benchGatewayOverhead(seconds: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/overhead-server.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let endpoints: Endpoints | null = null;
  for await (const line of createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
    if (line.startsWith('{')) {
      endpoints = JSON.parse(line) as Endpoints;
      break;
    }
  }
  if (endpoints == null) throw new Error('overhead server did not start');
  const runwayHeaders = {
    authorization: `Bearer ${endpoints.apiKey}`,
    'x-runway-version': '2024-11-06',
    'content-type': 'application/json',
  };
  const vgwHeaders = {
    authorization: `Bearer ${endpoints.key}`,
    'content-type': 'application/json',
  };
  try {
    const rows = [
      {
        path: 'status, direct',
        ...(await latency({
          url: `${endpoints.emulator}/v1/tasks/${endpoints.taskId}`,
          headers: runwayHeaders,
          duration: seconds,
        })),
      },
      {
        path: 'status, via vgw',
        ...(await latency({
          url: `${endpoints.gateway}/v1/videos/${endpoints.videoId}`,
          headers: vgwHeaders,
          duration: seconds,
        })),
      },
      {
        path: 'create, direct',
        ...(await latency({
          url: `${endpoints.emulator}/v1/text_to_video`,
          method: 'POST',
          headers: runwayHeaders,
          body: JSON.stringify({
            model: 'gen4.5',
            promptText: '[moderate] bench',
            ratio: '1280:720',
            duration: 5,
          }),
          duration: seconds,
        })),
      },
      {
        path: 'create, via vgw',
        ...(await latency({
          url: `${endpoints.gateway}/v1/videos`,
          method: 'POST',
          headers: vgwHeaders,
          body: JSON.stringify({
            model: 'runway/gen4.5',
            prompt: 'bench',
            seconds: 5,
            size: '1280x720',
          }),
          duration: seconds,
        })),
      },
    ];
    return rows;
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}
