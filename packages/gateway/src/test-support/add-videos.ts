import type { Queryable } from '../db/queryable.js';
import { insertVideo } from '../db/videos-repository.js';

/**
 * Queued videos for the fake engine, due now, in project `proj_1` or the one given (created if
 * missing).
 */
export async function addVideos(
  client: Queryable,
  ids: string[],
  project: { id: string; name: string } = { id: 'proj_1', name: 'p' },
): Promise<void> {
  await client.query(`insert into projects (id, name) values ($1, $2) on conflict do nothing`, [
    project.id,
    project.name,
  ]);
  for (const id of ids) {
    await insertVideo(client, {
      id,
      projectId: project.id,
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
