import type { Queryable } from '../db/queryable.js';
import { insertVideo } from '../db/videos-repository.js';

/** Queued videos for the fake engine in project `proj_1` (created if missing), due now. */
export async function addVideos(client: Queryable, ids: string[]): Promise<void> {
  await client.query(
    `insert into projects (id, name) values ('proj_1', 'p') on conflict do nothing`,
  );
  for (const id of ids) {
    await insertVideo(client, {
      id,
      projectId: 'proj_1',
      model: 'fake-1',
      provider: 'fake',
      prompt: `a cat ${id}`,
      seconds: 4,
      size: '1280x720',
      fps: 24,
      seed: null,
      inputReference: null,
      providerOptions: {},
      remixedFromVideoId: null,
      startKey: `start_${id}`,
      warnings: [],
      deadlineSeconds: 3600,
      idempotencyKey: null,
      requestHash: null,
      apiKeyId: null,
      estimateMicroUsd: 0,
      costBasis: 'list_price',
      route: null,
      routePlan: null,
      targetOptions: {},
    });
  }
}
