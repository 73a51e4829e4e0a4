import {
  EngineBusyError,
  ProviderApiError,
  type JSONObject,
  type JSONValue,
  type VideoCallOptions,
  type VideoStartResult,
  type VideoWarning,
} from '@vgw/spec';
import { createHash } from 'node:crypto';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { canDrawText } from './drawtext-support.js';
import { jobFiles } from './job-files.js';
import {
  jobDirectoryName,
  readOptionalJson,
  readOptionalText,
  writeFileAtomically,
} from './job-directory.js';
import { localProviderName } from './local-models.js';
import { parseLocalOptions } from './local-options.js';
import { assertRenderable } from './local-request.js';
import type { LocalRenderSettings } from './local-settings.js';
import { buildRenderPlan } from './render-plan.js';
import { spawnRenderProcess } from './render-process.js';
import { renderOperationSchema, toOperationJson } from './render-operation.js';

/** Written before the spawn: with the pid file it rebuilds the start result after a crash. */
const startRecordSchema = z.object({
  startedAt: z.number(),
  totalFrames: z.number().int().positive(),
  timeoutMs: z.number().positive(),
  warnings: z.array(z.custom<VideoWarning>()),
  providerMetadata: z.record(z.string(), z.custom<JSONValue>()),
});
type StartRecord = z.infer<typeof startRecordSchema>;

const savedStartSchema = z.object({
  operation: renderOperationSchema,
  warnings: startRecordSchema.shape.warnings,
  providerMetadata: startRecordSchema.shape.providerMetadata,
});

/** Longer than a start can take (the drawtext probe alone may take 15 s on a busy machine). */
const lockStaleMs = 30_000;
const lockPollMs = 50;

/** A start without a seed still renders the same clip on every retry of that start. */
function seedFromKey(idempotencyKey: string): number {
  const digest = createHash('sha256').update(idempotencyKey).digest();
  return digest.readUInt32BE(0) & 0x7fffffff;
}

/** The start result of an earlier doStart with this key, if it got as far as spawning. */
async function previousStart(jobDir: string): Promise<VideoStartResult | null> {
  const saved = savedStartSchema.safeParse(await readOptionalJson(jobDir, jobFiles.operation));
  if (saved.success) {
    const { operation, warnings, providerMetadata } = saved.data;
    return { operation: toOperationJson(operation), warnings, providerMetadata };
  }
  const record = startRecordSchema.safeParse(await readOptionalJson(jobDir, jobFiles.start));
  const pidText = await readOptionalText(jobDir, jobFiles.pid);
  const pid = Number.parseInt(pidText ?? '', 10);
  if (!record.success || !Number.isInteger(pid) || pid <= 0) return null;
  const { warnings, providerMetadata, ...timing } = record.data;
  const operation = renderOperationSchema.parse({ jobDir, pid, ...timing });
  const result = { operation: toOperationJson(operation), warnings, providerMetadata };
  await writeFileAtomically(jobDir, jobFiles.operation, JSON.stringify(result));
  return result;
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

/** How old the start lock is, or null when there is none. */
async function lockAgeMs(jobDir: string): Promise<number | null> {
  try {
    return Date.now() - (await stat(join(jobDir, jobFiles.startLock))).mtimeMs;
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return null;
    throw error;
  }
}

/**
 * Takes the start lock. While another doStart holds it, waits for that start's result; a lock
 * older than `lockStaleMs` without a result is taken over (its holder died before spawning).
 */
async function lockOrPrevious(jobDir: string): Promise<VideoStartResult | null> {
  for (;;) {
    try {
      await (await open(join(jobDir, jobFiles.startLock), 'wx')).close();
      return null;
    } catch (error) {
      if (!hasCode(error, 'EEXIST')) throw error;
    }
    const previous = await previousStart(jobDir);
    if (previous != null) return previous;
    const age = await lockAgeMs(jobDir);
    if (age != null && age > lockStaleMs) {
      await rm(join(jobDir, jobFiles.startLock), { force: true });
    } else {
      await new Promise((resolve) => setTimeout(resolve, lockPollMs));
    }
  }
}

/** Spawns the render and records the start; a failed spawn releases the lock for a retry. */
async function launch(
  settings: LocalRenderSettings,
  jobDir: string,
  args: string[],
  record: StartRecord,
): Promise<{ pid: number; result: VideoStartResult }> {
  let pid: number;
  try {
    pid = spawnRenderProcess({ ...settings, args, jobDir, timeoutMs: record.timeoutMs });
  } catch (error) {
    await rm(join(jobDir, jobFiles.startLock), { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new ProviderApiError(localProviderName, `could not start the render: ${reason}`, {
      retryable: true,
      cause: error,
    });
  }
  const { startedAt, totalFrames, timeoutMs, warnings, providerMetadata } = record;
  const operation = toOperationJson({ jobDir, pid, startedAt, totalFrames, timeoutMs });
  const result: VideoStartResult = { operation, warnings, providerMetadata };
  await writeFileAtomically(jobDir, jobFiles.operation, JSON.stringify(result));
  settings.logger.info({ jobDir, pid }, 'local render started');
  return { pid, result };
}

async function spawnNewRender(
  settings: LocalRenderSettings,
  options: VideoCallOptions,
  jobDir: string,
): Promise<VideoStartResult> {
  const localOptions = parseLocalOptions(options.providerOptions);
  const seed = options.seed ?? seedFromKey(options.idempotencyKey);
  const drawCaption = await canDrawText(settings.ffmpegPath);
  const plan = buildRenderPlan({
    prompt: options.prompt,
    seed,
    seconds: options.seconds,
    width: options.width,
    height: options.height,
    fps: options.fps,
    inputReferencePath: options.inputReference?.path ?? null,
    options: localOptions,
    drawCaption,
    encoderThreads: settings.encoderThreads,
  });
  const warnings: VideoWarning[] = drawCaption
    ? []
    : [{ type: 'other', message: 'this ffmpeg cannot draw text, so the caption was left out' }];
  const providerMetadata: JSONObject = {
    local: { scene: plan.scene, seed, caption: plan.caption != null },
  };
  const started = await settings.capacity.startWithin(jobDir, async () => {
    if (plan.caption != null) await writeFileAtomically(jobDir, jobFiles.caption, plan.caption);
    const record: StartRecord = {
      startedAt: settings.now(),
      totalFrames: plan.totalFrames,
      timeoutMs: settings.renderTimeoutMs,
      warnings,
      providerMetadata,
    };
    await writeFileAtomically(jobDir, jobFiles.start, JSON.stringify(record));
    options.abortSignal?.throwIfAborted();
    return launch(settings, jobDir, plan.args, record);
  });
  return started.result;
}

/**
 * Starts a render in `<workDir>/<key>`, or returns the earlier start with the same key: a
 * worker that died after doStart but before saving the operation must not render twice.
 */
export async function startRender(
  settings: LocalRenderSettings,
  options: VideoCallOptions,
): Promise<VideoStartResult> {
  options.abortSignal?.throwIfAborted();
  // Bad requests fail the same way on every retry, before anything touches the disk.
  parseLocalOptions(options.providerOptions);
  assertRenderable(options);
  const jobDir = join(settings.workDir, jobDirectoryName(options.idempotencyKey));
  await mkdir(jobDir, { recursive: true });
  const previous = (await previousStart(jobDir)) ?? (await lockOrPrevious(jobDir));
  if (previous != null) return previous;
  try {
    return await spawnNewRender(settings, options, jobDir);
  } catch (error) {
    // Nothing was spawned: the next try of this start key must be able to take the lock.
    if (error instanceof EngineBusyError)
      await rm(join(jobDir, jobFiles.startLock), { force: true });
    throw error;
  }
}
