import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { findVideo } from '../db/videos-repository.js';
import { addVideos } from '../test-support/add-videos.js';
import { createGateway, type Gateway } from './create-gateway.js';

describe('a worker composed from config without a provider', () => {
  let gateway: Gateway | null = null;
  let dataDir: string | null = null;
  afterEach(async () => {
    await gateway?.close();
    if (dataDir != null) await rm(dataDir, { recursive: true, force: true });
  });

  it('leaves that provider’s videos for a worker that has it, and expires them past the grace', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vgw-rolling-'));
    // No RUNWAYML_API_SECRET: a worker of a rolling deploy whose new config lacks runway.
    const config = await loadConfig({ cwd: dataDir, environment: { VGW_DATA_DIR: dataDir } });
    gateway = await createGateway(config, { logger: pino({ level: 'silent' }) });
    const runway = gateway.registry.list().find((entry) => entry.provider === 'runway');
    expect(runway?.configured).toBe(false);
    await addVideos(gateway.database, ['video_for_runway']);
    await gateway.database.query(`update videos set model = $1, provider = 'runway'`, [runway?.id]);
    const worker = gateway.newWorker({ scoring: false });

    expect(await worker.runOnce()).toBe(0);
    const waiting = await findVideo(gateway.database, 'proj_1', 'video_for_runway');
    expect(waiting).toMatchObject({ status: 'queued', lockedBy: null, error: null });

    await gateway.database.query(`update videos set deadline_at = now() - interval '10 minutes'`);
    expect(await worker.runOnce()).toBe(1);
    const expired = await findVideo(gateway.database, 'proj_1', 'video_for_runway');
    expect(expired).toMatchObject({ status: 'failed', error: { code: 'upstream_timeout' } });
  });

  it('queues a score at score-worker start for a completed video that has none', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vgw-backfill-'));
    const config = await loadConfig({ cwd: dataDir, environment: { VGW_DATA_DIR: dataDir } });
    gateway = await createGateway(config, { logger: pino({ level: 'silent' }) });
    await addVideos(gateway.database, ['finished_while_scoring_was_off']);
    await gateway.database.query(`update videos set status = 'completed', next_check_at = null`);
    const scorer = gateway.newScoreWorker();
    expect(scorer).not.toBeNull();
    await scorer?.start();
    await scorer?.stop({ graceMs: 0 });
    const rows = await gateway.database.query<{ video_id: string }>(
      'select video_id from video_scores',
    );
    expect(rows.rows).toEqual([{ video_id: 'finished_while_scoring_was_off' }]);
  });
});
