import type { StoryboardJob } from '../db/storyboard-lease-repository.js';
import { findStoryboardById } from '../db/storyboards-repository.js';
import { startStitching } from '../db/storyboard-transitions-repository.js';
import type { HandlerContext } from '../jobs/worker-options.js';
import { finishStoryboard } from './finish-storyboard.js';
import { renderShots } from './render-shots.js';
import type { StoryboardWorkerDeps } from './storyboard-deps.js';

/**
 * The storyboard job's handler: one pass of rendering (start what may start, notice what
 * finished), and once every shot is completed, the stitch, seams, sequence and settlement.
 * Every write is fenced on the lease, so a pass that lost it changes nothing.
 */
export async function advanceStoryboard(
  deps: StoryboardWorkerDeps,
  job: StoryboardJob,
  context: HandlerContext,
): Promise<void> {
  const storyboard = await findStoryboardById(deps.database, job.id);
  if (storyboard == null) return;
  const { workerId } = context;
  if (storyboard.status === 'queued' || storyboard.status === 'rendering') {
    if ((await renderShots(deps, storyboard, workerId)) !== 'ready') return;
    if (!(await startStitching(deps.database, { id: storyboard.id, workerId }))) return;
    storyboard.status = 'stitching';
  }
  if (context.signal.aborted) return;
  await finishStoryboard(deps, storyboard, { workerId, attempts: job.attempts });
}
