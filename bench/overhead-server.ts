// The runway emulator and a vgw gateway configured against it, in one process apart from the
// load generator. Prints one JSON line when ready.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApiKey, verifyApiKey } from '../packages/gateway/src/auth/api-keys.js';
import { bundledBinaryPaths } from '../packages/gateway/src/media/bundled-binaries.js';
import { EmulatedRenderer } from '../packages/gateway/src/emulators/emulated-renderer.js';
import { runwayEmulator } from '../packages/gateway/src/emulators/runway/runway-emulator.js';
import { startEmulator } from '../packages/gateway/src/emulators/start-emulator.js';
import { createApp } from '../packages/gateway/src/http/app.js';
import { cachedAuthenticator } from '../packages/gateway/src/http/middleware/cached-authenticator.js';
import { createLocalProvider } from '../packages/gateway/src/providers/local/index.js';
import { createModelRegistry } from '../packages/gateway/src/providers/model-registry.js';
import { runwayProvider } from '../packages/gateway/src/providers/runway/index.js';
import { createContentStore } from '../packages/gateway/src/storage/content-store.js';
import { silentLogger } from '../packages/gateway/src/test-support/test-gateway.js';
import { openBenchDatabase } from './bench-database.js';
import { createCostPolicy } from '../packages/gateway/src/cost/cost-policy.js';
import { noRoutes } from '../packages/gateway/src/routing/route.js';

const apiKey = 'bench-emulator-key';
const workDir = await mkdtemp(join(tmpdir(), 'vgw-overhead-'));
const local = createLocalProvider({ ...bundledBinaryPaths(), workDir, renderTimeoutMs: 60_000 });
const emulator = await startEmulator(runwayEmulator, {
  renderer: new EmulatedRenderer(local.videoModel('local')),
  apiKey,
});
const model = runwayProvider.createModel('gen4.5', {
  apiKey,
  secret: null,
  baseURL: emulator.url,
  fetch,
  now: Date.now,
  logger: silentLogger,
  options: {},
  maxRenderMs: 600_000,
});
const bench = await openBenchDatabase('postgres', 8);
const { key } = await createApiKey(bench.database, 'bench');
const app = createApp({
  database: bench.database,
  registry: createModelRegistry([model], 'runway/gen4.5'),
  store: createContentStore(workDir),
  authenticator: cachedAuthenticator(
    async (token) => {
      const found = await verifyApiKey(bench.database, token);
      return found != null ? { projectId: found.projectId } : null;
    },
    { ttlMs: 1000 },
  ),
  newVideoId: () => `video_${randomBytes(16).toString('hex')}`,
  deadlineSeconds: 3600,
  cost: createCostPolicy(),
  routes: noRoutes,
  logger: silentLogger,
  maxBodyBytes: 1024 * 1024,
  pollAfterMs: 1000,
});
// `[moderate]` makes the emulator accept the task without starting a real render.
const task = await fetch(`${emulator.url}/v1/text_to_video`, {
  method: 'POST',
  headers: {
    authorization: `Bearer ${apiKey}`,
    'x-runway-version': '2024-11-06',
    'content-type': 'application/json',
  },
  body: JSON.stringify({
    model: 'gen4.5',
    promptText: '[moderate] bench',
    ratio: '1280:720',
    duration: 5,
  }),
});
const taskId = ((await task.json()) as { id: string }).id;
const video = await app.request('/v1/videos', {
  method: 'POST',
  headers: {
    authorization: `Bearer ${key}`,
    'content-type': 'application/json',
    'idempotency-key': randomUUID(),
  },
  body: JSON.stringify({ model: 'runway/gen4.5', prompt: 'bench', seconds: 5, size: '1280x720' }),
});
const videoId = ((await video.json()) as { id: string }).id;
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  console.log(
    JSON.stringify({
      gateway: `http://127.0.0.1:${info.port}`,
      emulator: emulator.url,
      apiKey,
      key,
      taskId,
      videoId,
    }),
  );
});
process.on('SIGTERM', () => {
  void Promise.all([emulator.close(), bench.dispose()]).finally(() => process.exit(0));
});
