import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScoreResult } from '@vgw/gateway';
import { NotFoundError } from '@vgw/sdk';
import type { VideoScores } from '@vgw/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientSession } from '../client/client-session.js';
import { scoreTinyClip } from '../test-support/tiny-clip.js';
import { ServerScoreTimeoutError, waitForServerScore } from './server-scores.js';

let directory: string;
let score: ScoreResult;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'vgw-server-scores-'));
  score = await scoreTinyClip(directory);
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

type Answer = Partial<VideoScores> | Error;

/** A session whose gateway answers the scores route with `answers` in turn (the last repeats). */
function scriptedSession(answers: Answer[]) {
  const asked: string[] = [];
  const retrieveScores = async (id: string): Promise<VideoScores> => {
    asked.push(id);
    const answer = answers[Math.min(asked.length - 1, answers.length - 1)] as Answer;
    if (answer instanceof Error) throw answer;
    const base = { object: 'video.scores', video_id: id, result: null, error: null } as const;
    return { ...base, status: 'pending', ...answer } as VideoScores;
  };
  const session = {
    client: { videos: { retrieveScores } },
    embedded: true,
    pollIntervalMs: 50,
    close: async () => {},
  } as unknown as ClientSession;
  return { session, asked };
}

function fakeTime() {
  let now = 0;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    slept,
  };
}

const signal = new AbortController().signal;

describe('waitForServerScore', () => {
  it('polls through pending and running until the gateway has scored the video', async () => {
    const result = JSON.parse(JSON.stringify(score)) as VideoScores['result'];
    const { session, asked } = scriptedSession([
      { status: 'pending' },
      { status: 'running' },
      { status: 'completed', result },
    ]);
    const time = fakeTime();
    const outcome = await waitForServerScore(session, 'video_1', {
      signal,
      timeoutMs: 10_000,
      pollIntervalMs: 250,
      ...time,
    });
    expect(outcome).toEqual({ kind: 'scored', result: score });
    expect(asked).toEqual(['video_1', 'video_1', 'video_1']);
    expect(time.slept).toEqual([250, 250]);
  });

  it('says unavailable when scoring is disabled or the gateway has no scores route', async () => {
    const time = fakeTime();
    const settings = { signal, timeoutMs: 1000, pollIntervalMs: 10, ...time };
    const disabled = scriptedSession([{ status: 'disabled' }]).session;
    expect(await waitForServerScore(disabled, 'v', settings)).toEqual({ kind: 'unavailable' });
    const notFound = new NotFoundError({
      status: 404,
      headers: new Headers(),
      body: null,
      error: null,
      message: 'not found',
    });
    const old = scriptedSession([notFound]).session;
    expect(await waitForServerScore(old, 'v', settings)).toEqual({ kind: 'unavailable' });
  });

  it('passes on the gateway’s failure code and message', async () => {
    const error = { code: 'too_few_frames', message: 'one frame' };
    const { session } = scriptedSession([{ status: 'failed', error }]);
    const time = fakeTime();
    const outcome = await waitForServerScore(session, 'v', {
      signal,
      timeoutMs: 1000,
      pollIntervalMs: 10,
      ...time,
    });
    expect(outcome).toEqual({ kind: 'failed', code: 'too_few_frames', message: 'one frame' });
  });

  it('gives up after the timeout instead of polling forever', async () => {
    const { session, asked } = scriptedSession([{ status: 'pending' }]);
    const time = fakeTime();
    const waiting = waitForServerScore(session, 'video_9', {
      signal,
      timeoutMs: 1000,
      pollIntervalMs: 300,
      ...time,
    });
    await expect(waiting).rejects.toThrow(ServerScoreTimeoutError);
    await expect(waiting).rejects.toThrow('had not scored video_9 after 1 s');
    expect(asked.length).toBe(5);
  });

  it('refuses a completed answer that is not a ScoreResult', async () => {
    const result = { version: 1 } as unknown as VideoScores['result'];
    const { session } = scriptedSession([{ status: 'completed', result }]);
    const time = fakeTime();
    const settings = { signal, timeoutMs: 1000, pollIntervalMs: 10, ...time };
    await expect(waitForServerScore(session, 'v', settings)).rejects.toThrow();
  });
});
