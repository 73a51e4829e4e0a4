import { upsertRating } from '../db/ratings-repository.js';
import { completeVideos, createFileVideoModel, renderTestClip } from './clip-fixtures.js';
import { scoreResultFixture } from './score-result-fixture.js';
import type { TestDatabaseKind } from './test-databases.js';
import { createTestGateway, type TestGateway } from './test-gateway.js';

/** The clips of the dataset suites, by prompt; each is a real small MP4. */
export const datasetClipSpecs = {
  'a hero shot of a kite': { frames: 48, rate: '24' },
  'waves at dusk, sidecar': { frames: 60, rate: '25', width: 320, height: 180, audio: true },
  'a slow pan over hills': { frames: 40, rate: '24000/1001' },
  'unlabelled city street': { frames: 24, rate: '24' },
  'labelled none forest': { frames: 24, rate: '24' },
  'a failed render': { frames: 24, rate: '24' },
  'six frames only': { frames: 6, rate: '24' },
} as const;

export type DatasetPrompt = keyof typeof datasetClipSpecs;

export interface DatasetFixture {
  gateway: TestGateway;
  /** Video ids by prompt. */
  ids: Record<DatasetPrompt, string>;
}

/**
 * A gateway whose project holds the dataset suites' videos, completed through the real API and
 * worker, then given what the export filters on: C2PA labels (one sidecar with its file, one
 * none, one never labelled), one failed, scores (80 and 40) and ratings (5 tagged hero, 2).
 */
export async function createDatasetFixture(
  kind: TestDatabaseKind,
  directory: string,
): Promise<DatasetFixture> {
  const files: Record<string, string> = {};
  for (const [index, [prompt, spec]] of Object.entries(datasetClipSpecs).entries()) {
    files[prompt] = await renderTestClip(directory, { name: `clip-${kind}-${index}`, ...spec });
  }
  const gateway = await createTestGateway(kind, [createFileVideoModel(files)]);
  const prompts = Object.keys(datasetClipSpecs) as DatasetPrompt[];
  const list = await completeVideos(gateway, prompts);
  const ids = Object.fromEntries(
    prompts.map((prompt, i) => [prompt, list[i]]),
  ) as DatasetFixture['ids'];
  const db = gateway.test.database;
  const set = (prompt: DatasetPrompt, sql: string, params: unknown[] = []) =>
    db.query(`update videos set ${sql} where id = $1`, [ids[prompt], ...params]);
  for (const prompt of prompts) await set(prompt, `provenance = 'embedded'`);
  await set('waves at dusk, sidecar', `provenance = 'sidecar'`);
  await set('unlabelled city street', 'provenance = null');
  await set('labelled none forest', `provenance = 'none'`);
  await set('a failed render', `status = 'failed', provenance = null`);
  const sidecar = await gateway.store.putBytes(new TextEncoder().encode('c2pa manifest bytes'));
  await db.query(
    `insert into video_files (video_id, variant, sha256, bytes, media_type)
     values ($1, 'c2pa', $2, $3, 'application/c2pa')`,
    [ids['waves at dusk, sidecar'], sidecar.sha256, sidecar.bytes],
  );
  for (const [prompt, index] of [
    ['a hero shot of a kite', 80],
    ['waves at dusk, sidecar', 40],
  ] as const) {
    await db.query(
      `insert into video_scores (video_id, status, result, completed_at)
       values ($1, 'completed', $2::jsonb, now())`,
      [ids[prompt], JSON.stringify(scoreResultFixture(index))],
    );
  }
  const rate = (prompt: DatasetPrompt, score: number, tags: string[]) =>
    upsertRating(db, { videoId: ids[prompt], apiKeyId: null, score, tags, note: 'not a caption' });
  await rate('a hero shot of a kite', 5, ['hero', 'sky']);
  await rate('a slow pan over hills', 2, ['slow']);
  return { gateway, ids };
}
