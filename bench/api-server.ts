// A gateway on a real port for the API benchmark, in its own process so the load generator
// does not share its event loop. Prints one JSON line {port, apiKey, videoId} when ready.
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApiKey, verifyApiKey } from '../packages/gateway/src/auth/api-keys.js';
import { cachedAuthenticator } from '../packages/gateway/src/http/middleware/cached-authenticator.js';
import { createApp } from '../packages/gateway/src/http/app.js';
import { createModelRegistry } from '../packages/gateway/src/providers/model-registry.js';
import { createContentStore } from '../packages/gateway/src/storage/content-store.js';
import { createFakeVideoModel } from '../packages/gateway/src/test-support/fake-video-model.js';
import { silentLogger } from '../packages/gateway/src/test-support/test-gateway.js';
import { openBenchDatabase } from './bench-database.js';
import { createCostPolicy } from '../packages/gateway/src/cost/cost-policy.js';
import { noRoutes } from '../packages/gateway/src/routing/route.js';

const kind = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
const bench = await openBenchDatabase(kind, Number(process.env.BENCH_POOL ?? 8));
const database = bench.database;
const { key } = await createApiKey(database, 'bench');
const app = createApp({
  database,
  registry: createModelRegistry([createFakeVideoModel()], 'fake-1'),
  store: createContentStore(await mkdtemp(join(tmpdir(), 'vgw-bench-'))),
  authenticator: cachedAuthenticator(
    async (token) => {
      const found = await verifyApiKey(database, token);
      return found != null ? { projectId: found.projectId } : null;
    },
    { ttlMs: Number(process.env.BENCH_AUTH_TTL_MS ?? 1000) },
  ),
  newVideoId: () => `video_${randomBytes(16).toString('hex')}`,
  deadlineSeconds: 3600,
  cost: createCostPolicy(),
  routes: noRoutes,
  logger: silentLogger,
  maxBodyBytes: 1024 * 1024,
  pollAfterMs: 1000,
});
const created = await app.request('/v1/videos', {
  method: 'POST',
  headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
  body: JSON.stringify({ prompt: 'bench' }),
});
const video = (await created.json()) as { id: string };
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  console.log(JSON.stringify({ port: info.port, apiKey: key, videoId: video.id }));
});
process.on('SIGTERM', () => {
  server.close();
  void bench.dispose().finally(() => process.exit(0));
});
