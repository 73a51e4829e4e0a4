import type { CreateVideoDeps } from '../generation/create-video.js';
import type { WorkerLogger } from '../jobs/worker-options.js';
import type { StoryboardSequenceMaker } from './storyboard-sequence.js';

/** What the storyboard worker needs: a video create's deps plus ffmpeg and a scratch dir. */
export interface StoryboardWorkerDeps extends CreateVideoDeps {
  ffmpegPath: string;
  ffprobePath: string;
  /** Normalised shots and concat lists live here while a stitch runs. */
  scratchDir: string;
  logger: WorkerLogger;
  /** How long a storyboard waiting on renders sleeps when none of its shots changed. */
  recheckSeconds: number;
  /** Stitches a storyboard's shots into a sequence; see storyboard-sequence.ts. */
  makeSequence: StoryboardSequenceMaker;
}
