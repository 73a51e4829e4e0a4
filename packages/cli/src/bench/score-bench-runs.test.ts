import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledBinaryPaths } from '@vgw/gateway';
import type { VideoScores } from '@vgw/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientSession } from '../client/client-session.js';
import { writeTinyClip } from '../test-support/tiny-clip.js';
import type { BenchRun } from './leaderboard/bench-run.js';
import { scoreBenchRun } from './score-bench-runs.js';

let outDir: string;
const binaries = bundledBinaryPaths();

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'vgw-score-bench-'));
  await mkdir(join(outDir, 'videos'));
  await writeTinyClip(join(outDir, 'videos'));
  await writeFile(join(outDir, 'videos/broken.mp4'), 'not a video');
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

/** A gateway that does not score (scoring disabled). */
const session = {
  client: {
    videos: {
      retrieveScores: async (id: string): Promise<VideoScores> => ({
        object: 'video.scores',
        video_id: id,
        status: 'disabled',
        result: null,
        error: null,
      }),
    },
  },
  embedded: false,
  pollIntervalMs: 10,
  close: async () => {},
} as unknown as ClientSession;

function completedRun(video: string): BenchRun {
  return {
    promptId: 'p1',
    shot: 'static',
    model: 'local',
    repeat: 0,
    videoId: 'video_1',
    status: 'completed',
    failure: null,
    renderSeconds: 1,
    videoSeconds: 1,
    size: '96x64',
    cost: null,
    files: { video, thumbnail: null },
    score: null,
  };
}

const environment = () => ({ binaries, outDir, signal: new AbortController().signal });

describe('scoreBenchRun on a gateway that does not score', () => {
  it('scores the downloaded clip itself and says so', async () => {
    const run = await scoreBenchRun(
      environment(),
      { session, timeoutMs: 1000 },
      completedRun('videos/clip.mp4'),
    );
    expect(run.status).toBe('completed');
    expect(run.scoredBy).toBe('bench');
    expect(run.score?.analysis.frames).toBe(12);
    expect(run.score?.index.value).toBeGreaterThan(0);
  });

  it('fails the run at the score stage when the clip cannot be read', async () => {
    const run = await scoreBenchRun(
      environment(),
      { session, timeoutMs: 1000 },
      completedRun('videos/broken.mp4'),
    );
    expect(run).toMatchObject({
      status: 'failed',
      score: null,
      failure: { stage: 'score', code: 'unscorable' },
    });
    expect(run.failure?.message).toContain('videos/broken.mp4');
  });
});
