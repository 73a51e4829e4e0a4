import type { Queryable } from '../../db/queryable.js';
import { findCompletedScores } from '../../db/video-scores-repository.js';
import { toScoresSummary, type VideoScoresSummary } from './video-scores.js';

export interface ScoresSummaryCache {
  /** The summaries of those of these (completed) videos that have a completed score, by id. */
  summaries(videoIds: readonly string[]): Promise<Map<string, VideoScoresSummary>>;
}

/**
 * Summaries of completed scores, read from the database once per process. A completed score is
 * final (only a running row is ever updated, and the row goes only with its video, which the
 * caller has just found live), so nothing can make an entry stale. Reading it on every status
 * read cost a second query, in which Postgres decompresses the whole stored result, per-frame
 * arrays included, to drop `perFrame`: it more than halved the throughput of `GET
 * /v1/videos/{id}` for scored videos. Videos without a completed score are looked up each time
 * (an index probe that finds nothing), so a score shows as soon as it is recorded.
 */
export function scoresSummaryCache(
  database: Queryable,
  options: { maxEntries?: number } = {},
): ScoresSummaryCache {
  const maxEntries = options.maxEntries ?? 10_000;
  const kept = new Map<string, VideoScoresSummary>();

  function keep(id: string, summary: VideoScoresSummary): void {
    kept.delete(id);
    if (kept.size >= maxEntries) kept.delete(kept.keys().next().value as string);
    kept.set(id, summary);
  }

  return {
    async summaries(videoIds) {
      const found = new Map<string, VideoScoresSummary>();
      const missing: string[] = [];
      for (const id of videoIds) {
        const summary = kept.get(id);
        if (summary == null) missing.push(id);
        else {
          found.set(id, summary);
          keep(id, summary);
        }
      }
      const stored = await findCompletedScores(database, missing);
      for (const [id, score] of stored) {
        const summary = toScoresSummary(score.result, score.completedAt);
        // One that does not parse is left out, as before, and read again next time.
        if (summary == null) continue;
        found.set(id, summary);
        keep(id, summary);
      }
      return found;
    },
  };
}

const perDatabase = new WeakMap<Queryable, ScoresSummaryCache>();

/** The one cache of this database handle (each app, and each test database, has its own). */
export function scoresSummaryCacheOf(database: Queryable): ScoresSummaryCache {
  let cache = perDatabase.get(database);
  if (cache == null) {
    cache = scoresSummaryCache(database);
    perDatabase.set(database, cache);
  }
  return cache;
}
