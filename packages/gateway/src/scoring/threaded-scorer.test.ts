import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../media/bundled-binaries.js';
import { runCommand } from '../media/run-command.js';
import { VideoQualityError } from '../quality/quality-error.js';
import { scoreResultSchema } from '../quality/score-result.js';
import { ScoringAbortedError, threadedScorer } from './threaded-scorer.js';

const scorer = threadedScorer({
  ...bundledBinaryPaths(),
  timeoutMs: 60_000,
  threads: 1,
});

let directory: string;
let clip: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'vgw-threaded-scorer-'));
  clip = join(directory, 'clip.mp4');
  // 1 s of a moving test pattern, 160x120 at 12 fps: 12 frames, cheap to score.
  const made = await runCommand(
    bundledBinaryPaths().ffmpegPath,
    ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=12:duration=1'].concat([
      '-pix_fmt',
      'yuv420p',
      '-y',
      clip,
    ]),
    { timeoutMs: 30_000 },
  );
  expect(made.exitCode).toBe(0);
});
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('threadedScorer', () => {
  it('scores a real clip in a thread and returns a valid ScoreResult', async () => {
    const result = scoreResultSchema.parse(await scorer(clip, new AbortController().signal));
    expect(result.analysis.frames).toBe(12);
    expect(result.index.value).toBeGreaterThanOrEqual(0);
    expect(result.index.value).toBeLessThanOrEqual(100);
  });

  it('brings a VideoQualityError back with its code', async () => {
    const corrupt = join(directory, 'corrupt.mp4');
    await writeFile(corrupt, 'not a video');
    const error: unknown = await scorer(corrupt, new AbortController().signal).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(VideoQualityError);
    expect(['unreadable', 'decode_failed', 'no_video_stream']).toContain(
      (error as VideoQualityError).code,
    );
  });

  it('stops at once when its signal aborts', async () => {
    const controller = new AbortController();
    const scoring = scorer(clip, controller.signal);
    controller.abort();
    await expect(scoring).rejects.toBeInstanceOf(ScoringAbortedError);
    const aborted = AbortSignal.abort();
    await expect(scorer(clip, aborted)).rejects.toBeInstanceOf(ScoringAbortedError);
  });
});
