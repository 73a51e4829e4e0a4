import { EngineBusyError, type VideoCallOptions, type VideoModelV1 } from '@vgw/spec';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../../media/bundled-binaries.js';
import { createLocalProvider } from './local-provider.js';
import { renderOperationSchema } from './render-operation.js';

let workDir: string;
const startedPids: number[] = [];

function makeModel(maxConcurrentRenders: number): VideoModelV1 {
  return createLocalProvider({
    ffmpegPath: bundledBinaryPaths().ffmpegPath,
    workDir,
    renderTimeoutMs: 60_000,
    maxConcurrentRenders,
  }).videoModel('local');
}

/** Long enough to still be running while the test looks at it. */
const longRender = (key: string): VideoCallOptions => ({
  prompt: 'a slow storm',
  seconds: 20,
  width: 1280,
  height: 720,
  fps: 24,
  seed: 1,
  inputReference: null,
  idempotencyKey: key,
  providerOptions: {},
});

async function start(model: VideoModelV1, key: string) {
  const started = await model.doStart(longRender(key));
  const operation = renderOperationSchema.parse(started.operation);
  startedPids.push(operation.pid);
  return { started, operation };
}

async function refusal(promise: Promise<unknown>): Promise<EngineBusyError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(EngineBusyError);
  return error as EngineBusyError;
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not reached in 5 s');
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'vgw-capacity-'));
});

afterEach(async () => {
  for (const pid of startedPids.splice(0)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  await rm(workDir, { recursive: true, force: true });
});

describe('local render capacity', () => {
  it('refuses a start past the limit as busy, without leaving its start lock, until a slot frees', async () => {
    const model = makeModel(1);
    const first = await start(model, 'first');

    const busy = await refusal(model.doStart(longRender('second')));
    expect(busy).toMatchObject({ code: 'engine_busy', retryable: true, retryAfterMs: 2000 });
    expect(busy.message).toContain('all 1 render slots are busy');
    expect(await exists(join(workDir, 'second', 'start.lock'))).toBe(false);
    expect(await exists(join(workDir, 'second', 'pid'))).toBe(false);

    // The running job's own retry is not a new render and needs no slot.
    expect((await model.doStart(longRender('first'))).operation).toEqual(first.started.operation);

    await model.doCancel!({ operation: first.started.operation });
    const second = await start(model, 'second');
    expect(second.operation.pid).not.toBe(first.operation.pid);
  });

  it('admits exactly the limit when starts arrive at the same moment', async () => {
    const model = makeModel(2);
    const outcomes = await Promise.allSettled(['a', 'b', 'c', 'd'].map((key) => start(model, key)));
    const started = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.filter(
      (outcome) => outcome.status === 'rejected' && outcome.reason instanceof EngineBusyError,
    );
    expect([started.length, refused.length]).toEqual([2, 2]);
  });

  it('counts renders another process started on the same work directory', async () => {
    const first = await start(makeModel(1), 'from_another_process');
    await waitFor(() => exists(join(first.operation.jobDir, 'pid')));
    const elsewhere = makeModel(1);
    await refusal(elsewhere.doStart(longRender('mine')));
    await makeModel(1).doCancel!({ operation: first.started.operation });
    await waitFor(async () => {
      try {
        process.kill(first.operation.pid, 0);
        return false;
      } catch {
        return true;
      }
    });
    await start(elsewhere, 'mine');
  });
});
