import type { Queryable } from './queryable.js';
import type { SeamScore, StitchRecord, StoryboardFailure } from './storyboard-record.js';

/**
 * A storyboard's writes, each fenced on the worker that holds its lease: a worker that lost the
 * lease writes nothing (false), and the worker that took over redoes the step.
 */

interface Fence {
  id: string;
  workerId: string;
}

const held = `id = $1 and locked_by = $2`;

/** Records the video made for a shot, and that the storyboard is rendering. */
export async function recordShotVideo(
  client: Queryable,
  options: Fence & { index: number; videoId: string },
): Promise<boolean> {
  const result = await client.query(
    `with owner as (
       update storyboards set status = 'rendering', updated_at = now()
       where ${held} and status in ('queued', 'rendering') returning id)
     update storyboard_shots sh set video_id = $4
     from owner where sh.storyboard_id = owner.id and sh.shot_index = $3`,
    [options.id, options.workerId, options.index, options.videoId],
  );
  return result.rowCount > 0;
}

/**
 * Waits for shots to finish: remembers the shot statuses this pass acted on (a later change makes
 * the storyboard due at once) and hands the lease back until `recheckSeconds` from now.
 */
export async function waitForShots(
  client: Queryable,
  options: Fence & { seen: { index: number; status: string }[]; recheckSeconds: number },
): Promise<boolean> {
  await client.query(
    `update storyboard_shots sh set seen_status = seen.status
     from unnest($3::integer[], $4::text[]) as seen (shot_index, status)
     where sh.storyboard_id = $1 and sh.shot_index = seen.shot_index
       and exists (select 1 from storyboards where ${held})`,
    [
      options.id,
      options.workerId,
      options.seen.map((shot) => shot.index),
      options.seen.map((shot) => shot.status),
    ],
  );
  const result = await client.query(
    `update storyboards
     set locked_by = null, locked_until = null, updated_at = now(),
       status = case when status = 'queued' then 'rendering' else status end,
       next_attempt_at = now() + make_interval(secs => $3::double precision)
     where ${held}`,
    [options.id, options.workerId, options.recheckSeconds],
  );
  return result.rowCount > 0;
}

/** Every shot completed: stitching starts (a retried pass stitches again, to the same blob). */
export async function startStitching(client: Queryable, fence: Fence): Promise<boolean> {
  const result = await client.query(
    `update storyboards set status = 'stitching', updated_at = now()
     where ${held} and status in ('queued', 'rendering', 'stitching')`,
    [fence.id, fence.workerId],
  );
  return result.rowCount > 0;
}

export async function recordStitched(
  client: Queryable,
  options: Fence & { sha256: string; bytes: number; stitch: StitchRecord },
): Promise<boolean> {
  const result = await client.query(
    `update storyboards
     set status = 'scoring', stitched_sha256 = $3, stitched_bytes = $4, stitch = $5::jsonb,
       updated_at = now()
     where ${held} and status = 'stitching'`,
    [options.id, options.workerId, options.sha256, options.bytes, JSON.stringify(options.stitch)],
  );
  return result.rowCount > 0;
}

/** The sequence made of the shots, kept before completion so a retried pass reuses it. */
export async function recordSequence(
  client: Queryable,
  options: Fence & { sequenceId: string },
): Promise<boolean> {
  const result = await client.query(
    `update storyboards set sequence_id = $3, updated_at = now()
     where ${held} and status = 'scoring'`,
    [options.id, options.workerId, options.sequenceId],
  );
  return result.rowCount > 0;
}

export async function completeStoryboard(
  client: Queryable,
  options: Fence & {
    seamScores: SeamScore[];
    sequenceId: string | null;
    settledMicroUsd: number | null;
  },
): Promise<boolean> {
  const result = await client.query(
    `update storyboards
     set status = 'completed', seam_scores = $3::jsonb, sequence_id = $4, settled_micro_usd = $5,
       locked_by = null, locked_until = null, updated_at = now(), completed_at = now()
     where ${held} and status = 'scoring'`,
    [
      options.id,
      options.workerId,
      JSON.stringify(options.seamScores),
      options.sequenceId,
      options.settledMicroUsd,
    ],
  );
  return result.rowCount > 0;
}

export async function failStoryboard(
  client: Queryable,
  options: Fence & { failure: StoryboardFailure; settledMicroUsd: number | null },
): Promise<boolean> {
  const result = await client.query(
    `update storyboards
     set status = 'failed', error_code = $3, error_message = $4, error_shot = $5,
       settled_micro_usd = $6, locked_by = null, locked_until = null, updated_at = now(),
       completed_at = now()
     where ${held} and status not in ('completed', 'failed')`,
    [
      options.id,
      options.workerId,
      options.failure.code,
      options.failure.message,
      options.failure.shot,
      options.settledMicroUsd,
    ],
  );
  return result.rowCount > 0;
}
