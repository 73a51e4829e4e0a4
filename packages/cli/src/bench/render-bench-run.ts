import { join } from 'node:path';
import { APIError, PollTimeoutError } from '@vgw/sdk';
import type { CreateAndPollOptions, Video, VideoCreateParams } from '@vgw/sdk';
import type { ClientSession } from '../client/client-session.js';
import { saveResponse } from '../files/save-response.js';
import type { BenchFailure, BenchPrompt, BenchRun } from './leaderboard/bench-run.js';
import { listPriceMicroUsd } from './leaderboard/model-prices.js';
import type { ModelPrice } from './leaderboard/model-prices.js';

export interface BenchJob {
  prompt: BenchPrompt;
  model: string;
  repeat: number;
}

export interface RenderSettings {
  seconds: number | null;
  size: string | null;
  seed: number | null;
  /** Give up on one render after this long; the run is recorded as failed. */
  timeoutMs: number;
}

export interface RenderEnvironment {
  session: ClientSession;
  signal: AbortSignal;
  /** The report's folder; files go under `videos/` in it. */
  outDir: string;
  prices: Map<string, ModelPrice>;
  settings: RenderSettings;
}

/** `static-room--runway_gen4.5--r0`: unique per job and safe as a file name. */
export function runFileStem(job: BenchJob): string {
  const model = job.model.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${job.prompt.id}--${model}--r${job.repeat}`;
}

function describeFailure(stage: BenchFailure['stage'], error: unknown): BenchFailure {
  if (error instanceof PollTimeoutError) {
    return { stage: 'render', code: 'timeout', message: error.message };
  }
  if (error instanceof APIError) {
    const message = error.error?.message ?? error.message;
    return { stage, code: error.code ?? `http_${error.status}`, message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { stage, code: 'error', message };
}

function baseRun(job: BenchJob): BenchRun {
  return {
    promptId: job.prompt.id,
    shot: job.prompt.shot,
    model: job.model,
    repeat: job.repeat,
    videoId: null,
    status: 'failed',
    failure: null,
    renderSeconds: null,
    videoSeconds: null,
    size: null,
    cost: null,
    files: null,
    score: null,
  };
}

function createParams(job: BenchJob, settings: RenderSettings): VideoCreateParams {
  const params: VideoCreateParams = { prompt: job.prompt.prompt, model: job.model };
  if (settings.seconds != null) params.seconds = String(settings.seconds);
  if (settings.size != null) params.size = settings.size;
  // One seed per repeat, so repeats differ but a rerun of the bench repeats them.
  if (settings.seed != null) params.seed = settings.seed + job.repeat;
  return params;
}

const thumbnailExtensions: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** The thumbnail the API serves, or null when it has none (not every engine makes one). */
async function downloadThumbnail(
  environment: RenderEnvironment,
  video: Video,
  stem: string,
): Promise<string | null> {
  try {
    const response = await environment.session.client.videos.downloadContent(
      video.id,
      { variant: 'thumbnail' },
      { signal: environment.signal },
    );
    const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    const relative = join('videos', `${stem}.${thumbnailExtensions[type] ?? 'img'}`);
    await saveResponse(response, join(environment.outDir, relative), environment.signal);
    return relative;
  } catch (error) {
    if (environment.signal.aborted) throw error;
    return null;
  }
}

function completedFigures(video: Video, job: BenchJob, prices: Map<string, ModelPrice>) {
  const videoSeconds = Number(video.seconds);
  const price = prices.get(job.model);
  return {
    videoId: video.id,
    size: video.size,
    videoSeconds: videoSeconds > 0 ? videoSeconds : null,
    renderSeconds:
      video.completed_at != null ? Math.max(0, video.completed_at - video.created_at) : null,
    cost:
      price != null && videoSeconds > 0
        ? {
            microUsd: listPriceMicroUsd(price, video.size, videoSeconds),
            source: 'engine_price' as const,
          }
        : null,
  };
}

async function createAndPoll(environment: RenderEnvironment, job: BenchJob): Promise<Video> {
  const { session, settings, signal } = environment;
  const options: CreateAndPollOptions = { signal, timeoutMs: settings.timeoutMs };
  if (session.pollIntervalMs != null) options.pollIntervalMs = session.pollIntervalMs;
  return session.client.videos.createAndPoll(createParams(job, settings), options);
}

/**
 * Renders one job through the gateway and downloads its MP4 and thumbnail. Every failure short
 * of an interrupt is recorded on the run rather than thrown, so one engine cannot stop the bench.
 */
export async function renderBenchRun(
  environment: RenderEnvironment,
  job: BenchJob,
): Promise<BenchRun> {
  const run = baseRun(job);
  let video: Video;
  try {
    video = await createAndPoll(environment, job);
  } catch (error) {
    if (environment.signal.aborted) throw error;
    return { ...run, failure: describeFailure('create', error) };
  }
  if (video.status !== 'completed') {
    const failure = {
      stage: 'render' as const,
      code: video.error?.code ?? 'unknown',
      message: video.error?.message ?? 'no reason given',
    };
    return { ...run, videoId: video.id, size: video.size, failure };
  }
  const stem = runFileStem(job);
  const relativeVideo = join('videos', `${stem}.mp4`);
  try {
    const response = await environment.session.client.videos.downloadContent(
      video.id,
      { variant: 'video' },
      { signal: environment.signal },
    );
    await saveResponse(response, join(environment.outDir, relativeVideo), environment.signal);
  } catch (error) {
    if (environment.signal.aborted) throw error;
    return { ...run, videoId: video.id, failure: describeFailure('download', error) };
  }
  const thumbnail = await downloadThumbnail(environment, video, stem);
  return {
    ...run,
    ...completedFigures(video, job, environment.prices),
    status: 'completed',
    files: { video: relativeVideo, thumbnail },
  };
}
