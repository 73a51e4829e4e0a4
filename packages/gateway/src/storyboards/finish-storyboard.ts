import type { StitchRecord, StoryboardRecord } from '../db/storyboard-record.js';
import { findShotVideos } from '../db/storyboards-repository.js';
import {
  completeStoryboard,
  failStoryboard,
  recordSequence,
  recordStitched,
} from '../db/storyboard-transitions-repository.js';
import { completedVideoMedia } from '../generation/completed-video-media.js';
import { seamScores } from './seam-scores.js';
import { settledCost } from './settled-cost.js';
import { stitchShots } from './stitch-shots.js';
import type { StoryboardWorkerDeps } from './storyboard-deps.js';

/** A stitch that fails this often is not load: the storyboard fails, naming the error. */
const maxFinishFailures = 3;

async function shotPaths(deps: StoryboardWorkerDeps, videoIds: string[]): Promise<string[]> {
  const media = await completedVideoMedia(deps, videoIds);
  return videoIds.map((id) => {
    const found = media.get(id);
    if (found == null) throw new Error(`shot video ${id} is completed but has no stored file`);
    return found.path;
  });
}

async function stitchOnce(
  deps: StoryboardWorkerDeps,
  storyboard: StoryboardRecord,
  workerId: string,
  paths: string[],
): Promise<StitchRecord | null> {
  if (storyboard.status === 'scoring' && storyboard.stitch != null) return storyboard.stitch;
  const stitched = await stitchShots(deps, paths);
  const recorded = await recordStitched(deps.database, {
    id: storyboard.id,
    workerId,
    sha256: stitched.sha256,
    bytes: stitched.bytes,
    stitch: stitched.stitch,
  });
  return recorded ? stitched.stitch : null;
}

/** The sequence of the shots, recorded at once so a retried pass after it never makes a second. */
async function sequenceOf(
  deps: StoryboardWorkerDeps,
  storyboard: StoryboardRecord,
  workerId: string,
  finished: { stitch: StitchRecord; videoIds: string[] },
): Promise<string | null> {
  const { stitch, videoIds } = finished;
  const sequenceId = await deps.makeSequence({
    projectId: storyboard.projectId,
    name: storyboard.name ?? storyboard.id,
    rate: stitch.rate,
    size: { width: stitch.width, height: stitch.height },
    videoIds,
  });
  if (sequenceId != null) {
    await recordSequence(deps.database, { id: storyboard.id, workerId, sequenceId });
  }
  return sequenceId;
}

/**
 * Every shot is completed: stitch them (once; a retried pass after the stitch was recorded goes
 * straight to the seams), score each seam, make the sequence, and settle the cost as the sum of
 * the shots' own settlements.
 */
export async function finishStoryboard(
  deps: StoryboardWorkerDeps,
  storyboard: StoryboardRecord,
  job: { workerId: string; attempts: number },
): Promise<void> {
  const fence = { id: storyboard.id, workerId: job.workerId };
  const videos = await findShotVideos(deps.database, storyboard.id);
  const videoIds = videos.map((video) => video.videoId);
  try {
    const paths = await shotPaths(deps, videoIds);
    const stitch = await stitchOnce(deps, storyboard, job.workerId, paths);
    if (stitch == null) return;
    const seams = await seamScores(
      deps.ffmpegPath,
      paths.map((path) => ({ path })),
      stitch,
    );
    const sequenceId =
      storyboard.sequenceId ??
      (await sequenceOf(deps, storyboard, job.workerId, { stitch, videoIds }));
    await completeStoryboard(deps.database, {
      ...fence,
      seamScores: seams,
      sequenceId,
      settledMicroUsd: settledCost(videos),
    });
  } catch (error) {
    if (job.attempts + 1 < maxFinishFailures) throw error;
    const message = error instanceof Error ? error.message : String(error);
    await failStoryboard(deps.database, {
      ...fence,
      failure: { code: 'stitch_failed', message, shot: null },
      settledMicroUsd: settledCost(videos),
    });
  }
}
