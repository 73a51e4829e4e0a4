import type { Queryable } from '../db/queryable.js';
import { seededRandom, type Random } from './seeded-random.js';

/**
 * Random, reproducible money histories for the usage tests: videos with one to three attempts
 * (a route falling back to other targets), each attempt with its reservation and perhaps an
 * ending, written straight into `videos`, `video_attempts` and `ledger_entries`. The tests work
 * out what usage should be from these plain values, independently of the gateway's SQL.
 */

export type HistoryAttemptStatus = 'in_progress' | 'completed' | 'failed' | 'rejected';

export interface HistoryEntry {
  kind: 'reserve' | 'settle' | 'at_risk';
  amount: number;
  /** Unix seconds. */
  at: number;
}

export interface HistoryAttempt {
  number: number;
  model: string;
  provider: string;
  status: HistoryAttemptStatus;
  entries: HistoryEntry[];
}

export interface HistoryVideo {
  id: string;
  key: string | null;
  route: string | null;
  seconds: number;
  status: 'in_progress' | 'completed' | 'failed';
  downloaded: boolean;
  attempts: HistoryAttempt[];
}

/** A ledger entry with what it belongs to, as the usage tests sum them. */
export interface FlatEntry extends HistoryEntry {
  video: HistoryVideo;
  attempt: HistoryAttempt;
}

export interface HistoryOptions {
  keys: readonly string[];
  /** Unix seconds: reservations are made from here, over `spanSeconds`. */
  from: number;
  spanSeconds: number;
  videos?: number;
}

const pick = <T>(random: Random, values: readonly T[]) =>
  values[Math.floor(random() * values.length)] as T;

/** How an attempt ends: its status, and its ending entry's kind and amount (none while open). */
function ending(random: Random, last: boolean, estimate: number) {
  const roll = random();
  if (last && roll < 0.4) return { status: 'completed', kind: 'settle', amount: estimate } as const;
  if (last && roll < 0.55) return { status: 'in_progress', kind: null, amount: 0 } as const;
  const status = random() < 0.7 ? 'failed' : 'rejected';
  if (random() < 0.3) return { status, kind: 'at_risk', amount: estimate } as const;
  // A failure is billed in full, in part or (often) not at all: 0 is a settlement too.
  const amount = random() < 0.4 ? 0 : Math.floor(random() * (estimate + 1));
  return { status, kind: 'settle', amount } as const;
}

function randomVideo(random: Random, id: string, options: HistoryOptions): HistoryVideo {
  const count = 1 + Math.floor(random() * 3);
  let at = options.from + Math.floor(random() * options.spanSeconds);
  const attempts: HistoryAttempt[] = [];
  for (let number = 1; number <= count; number += 1) {
    const estimate = Math.floor(random() * 2_000_000);
    const end = ending(random, number === count, estimate);
    const entries: HistoryEntry[] = [{ kind: 'reserve', amount: estimate, at }];
    // The next attempt is reserved as the one before it ends, in the same transaction.
    at += Math.floor(random() * 2 * 86_400);
    if (end.kind != null) entries.push({ kind: end.kind, amount: end.amount, at });
    attempts.push({
      number,
      model: pick(random, ['m/a', 'm/b', 'm/c']),
      provider: pick(random, ['p1', 'p2']),
      status: end.status,
      entries,
    });
  }
  const lastStatus = (attempts.at(-1) as HistoryAttempt).status;
  const status = lastStatus === 'rejected' ? 'failed' : lastStatus;
  return {
    id,
    key: pick(random, [null, ...options.keys]),
    route: pick(random, [null, 'fast', 'cheap']),
    seconds: pick(random, [4, 5, 8, 2.5]),
    status,
    downloaded: status === 'completed' && random() < 0.5,
    attempts,
  };
}

export function randomHistory(seed: number, options: HistoryOptions): HistoryVideo[] {
  const random = seededRandom(seed);
  return Array.from({ length: options.videos ?? 40 }, (_, index) =>
    randomVideo(random, `video_${seed}_${index}`, options),
  );
}

export function flatEntries(videos: readonly HistoryVideo[]): FlatEntry[] {
  return videos.flatMap((video) =>
    video.attempts.flatMap((attempt) =>
      attempt.entries.map((entry) => ({ ...entry, video, attempt })),
    ),
  );
}

/** The rows as JSON, inserted by one statement per table: a history is hundreds of rows. */
function rowsOf(projectId: string, videos: readonly HistoryVideo[]) {
  return {
    videos: videos.map((video) => {
      const current = video.attempts.at(-1) as HistoryAttempt;
      // As the gateway keeps it: the video row names the current attempt's target.
      return {
        ...video,
        model: current.model,
        provider: current.provider,
        attempt: current.number,
      };
    }),
    attempts: videos.flatMap((video) =>
      video.attempts.map((attempt) => ({ ...attempt, video_id: video.id, entries: undefined })),
    ),
    entries: flatEntries(videos).map((entry) => ({
      at: entry.at,
      kind: entry.kind,
      amount: entry.amount,
      key: entry.video.key,
      video_id: entry.video.id,
      attempt: entry.attempt.number,
    })),
    projectId,
  };
}

/** Replaces every video and ledger entry of the database with this history. */
export async function recordHistory(
  client: Queryable,
  projectId: string,
  videos: readonly HistoryVideo[],
): Promise<void> {
  const rows = rowsOf(projectId, videos);
  await client.query('delete from ledger_entries');
  await client.query('delete from video_attempts');
  await client.query('delete from videos');
  await client.query(
    `insert into videos (id, project_id, model, provider, status, prompt, seconds, size, fps,
       start_key, deadline_at, api_key_id, route, attempt, first_downloaded_at)
     select id, $2, model, provider, status, 'p', seconds, '1280x720', 24, id, now(), key, route,
       attempt, case when downloaded then now() end
     from jsonb_to_recordset($1::jsonb) as row (id text, model text, provider text, status text,
       seconds numeric, key text, route text, attempt integer, downloaded boolean)`,
    [JSON.stringify(rows.videos), projectId],
  );
  await client.query(
    `insert into video_attempts (video_id, number, model, provider, status)
     select video_id, number, model, provider, status
     from jsonb_to_recordset($1::jsonb) as row (video_id text, number integer, model text,
       provider text, status text)`,
    [JSON.stringify(rows.attempts)],
  );
  await client.query(
    `insert into ledger_entries (at, project_id, api_key_id, video_id, attempt, kind,
       amount_micro_usd, basis)
     select to_timestamp(at), $2, key, video_id, attempt, kind, amount, 'list_price'
     from jsonb_to_recordset($1::jsonb) as row (at bigint, kind text, amount bigint, key text,
       video_id text, attempt integer)`,
    [JSON.stringify(rows.entries), projectId],
  );
}
