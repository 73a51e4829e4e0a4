import {
  InvalidRequestError,
  type JSONValue,
  type VideoCallOptions,
  type VideoFile,
  type VideoModelV1,
  type VideoStatusResult,
} from '@vgw/spec';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../../media/bundled-binaries.js';
import { decodeFrames } from '../../test-support/decode-frames.js';
import { meanAbsoluteDifference } from '../../quality/raw-image.js';
import { probeVideo } from '../../media/probe-video.js';
import { runCommand } from '../../media/run-command.js';
import { sceneNames } from './local-options.js';
import { createLocalProvider, type LocalProviderSettings } from './local-provider.js';
import { renderOperationSchema, type RenderOperation } from './render-operation.js';

const { ffmpegPath, ffprobePath } = bundledBinaryPaths();
/** A prompt that would break naive escaping in a shell or a filtergraph. */
const nastyPrompt = `a "storm": it's 100% \\ wild; $(touch /tmp/pwned) %{pts} [x],y=1`;

let workDir: string;
const startedPids: number[] = [];

function makeModel(overrides: Partial<LocalProviderSettings> = {}): VideoModelV1 {
  return createLocalProvider({
    ffmpegPath,
    ffprobePath,
    workDir,
    renderTimeoutMs: 60_000,
    // These tests render many clips at once; the bound has its own tests.
    maxConcurrentRenders: 64,
    ...overrides,
  }).videoModel('local');
}

let keyCounter = 0;
function callOptions(overrides: Partial<VideoCallOptions> = {}): VideoCallOptions {
  keyCounter += 1;
  return {
    prompt: nastyPrompt,
    seconds: 2,
    width: 320,
    height: 240,
    fps: 12,
    seed: 7,
    inputReference: null,
    idempotencyKey: `key-${keyCounter}`,
    providerOptions: {},
    ...overrides,
  };
}

function operationOf(value: JSONValue): RenderOperation {
  const operation = renderOperationSchema.parse(value);
  startedPids.push(operation.pid);
  return operation;
}

async function waitForResult(
  model: VideoModelV1,
  operation: JSONValue,
  limitMs = 30_000,
): Promise<VideoStatusResult> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const result = await model.doStatus({ operation });
    if (result.status !== 'pending' || Date.now() > deadline) return result;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function render(model: VideoModelV1, options: VideoCallOptions) {
  const started = await model.doStart(options);
  operationOf(started.operation);
  const result = await waitForResult(model, started.operation);
  if (result.status !== 'completed') throw new Error(`render ended ${JSON.stringify(result)}`);
  const fileOf = (variant: VideoFile['variant']): string => {
    const file = result.videos.find((video) => video.variant === variant);
    if (file?.kind !== 'file') throw new Error(`no ${variant} file`);
    return file.path;
  };
  return {
    started,
    result,
    video: fileOf('video'),
    thumbnail: fileOf('thumbnail'),
    spritesheet: fileOf('spritesheet'),
  };
}

async function sha256Of(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

function groupExists(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForGroupGone(pid: number): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (!groupExists(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

async function ffmpeg(args: string[]): Promise<void> {
  const result = await runCommand(ffmpegPath, ['-v', 'error', '-y', ...args], {
    timeoutMs: 30_000,
  });
  if (result.exitCode !== 0) throw new Error(result.stderr);
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'vgw-local-'));
});

afterAll(async () => {
  for (const pid of startedPids) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  await rm(workDir, { recursive: true, force: true });
});

describe('local video model: rendering', () => {
  it('renders portrait sizes with square pixels in every scene', async () => {
    const model = makeModel();
    const renders = await Promise.all(
      sceneNames.map((scene) =>
        render(model, callOptions({ width: 180, height: 322, providerOptions: { scene } })),
      ),
    );
    for (const [index, rendered] of renders.entries()) {
      expect(await probeVideo(ffprobePath, rendered.video), sceneNames[index]).toMatchObject({
        width: 180,
        height: 322,
        sampleAspectRatio: '1:1',
      });
    }
  });

  it('renders every scene as an h264 clip of the exact size, rate and frame count, with motion', async () => {
    const model = makeModel();
    const renders = await Promise.all(
      sceneNames.map((scene) => render(model, callOptions({ providerOptions: { scene } }))),
    );
    for (const [index, rendered] of renders.entries()) {
      const scene = sceneNames[index];
      expect(rendered.started.providerMetadata).toEqual({
        local: { scene, seed: 7, caption: true },
      });
      expect(rendered.started.warnings).toEqual([]);
      const probe = await probeVideo(ffprobePath, rendered.video);
      expect(probe).toMatchObject({
        codec: 'h264',
        width: 320,
        height: 240,
        fps: 12,
        frames: 24,
        pixelFormat: 'yuv420p',
        sampleAspectRatio: '1:1',
      });
      expect(probe.durationSeconds).toBeCloseTo(2, 2);
      // Frames one second apart must differ clearly: later scoring measures temporal change.
      const [early, late] = await decodeFrames(ffmpegPath, rendered.video, {
        frames: [5, 17],
        width: 160,
        height: 120,
        pixelFormat: 'gray',
      });
      const difference = meanAbsoluteDifference(early!, late!);
      expect(difference, `${scene} motion`).toBeGreaterThan(4);
    }
  });

  it('writes a JPEG thumbnail and a 5x2 spritesheet of the clip', async () => {
    const rendered = await render(makeModel(), callOptions());
    expect(rendered.result).toMatchObject({
      status: 'completed',
      videos: [
        { variant: 'video', kind: 'file', mediaType: 'video/mp4' },
        { variant: 'thumbnail', kind: 'file', mediaType: 'image/jpeg' },
        { variant: 'spritesheet', kind: 'file', mediaType: 'image/jpeg' },
      ],
      providerMetadata: { local: { frames: 24, width: 320, height: 240 } },
    });
    for (const path of [rendered.thumbnail, rendered.spritesheet]) {
      expect([...(await readFile(path)).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    }
    expect(await probeVideo(ffprobePath, rendered.thumbnail)).toMatchObject({
      codec: 'mjpeg',
      width: 320,
      height: 240,
    });
    expect(await probeVideo(ffprobePath, rendered.spritesheet)).toMatchObject({
      codec: 'mjpeg',
      width: 1600,
      height: 480,
    });
    // The thumbnail is a frame near the middle: frame 8 of 24 (sampled every 4 frames).
    const gray = { width: 160, height: 120, pixelFormat: 'gray' } as const;
    const [thumbnail] = await decodeFrames(ffmpegPath, rendered.thumbnail, {
      ...gray,
      frames: [0],
    });
    const [start, middle] = await decodeFrames(ffmpegPath, rendered.video, {
      ...gray,
      frames: [0, 8],
    });
    expect(meanAbsoluteDifference(thumbnail!, middle!)).toBeLessThan(4);
    expect(meanAbsoluteDifference(thumbnail!, start!)).toBeGreaterThan(8);
    // Ten tiles, each a real frame (no black padding) and each different from the one before.
    const [sheet] = await decodeFrames(ffmpegPath, rendered.spritesheet, {
      width: 1600,
      height: 480,
      pixelFormat: 'gray',
      frames: [0],
    });
    const tiles = Array.from({ length: 10 }, (_, index) => {
      const tile = Buffer.alloc(320 * 240);
      const [column, row] = [index % 5, Math.floor(index / 5)];
      for (let y = 0; y < 240; y += 1) {
        const from = (row * 240 + y) * 1600 + column * 320;
        sheet!.copy(tile, y * 320, from, from + 320);
      }
      return tile;
    });
    for (const [index, tile] of tiles.entries()) {
      expect(tile.reduce((sum, value) => sum + value, 0) / tile.length).toBeGreaterThan(20);
      if (index > 0) expect(meanAbsoluteDifference(tile, tiles[index - 1]!)).toBeGreaterThan(2);
    }
  });

  it('renders byte-identical files for the same prompt, seed and parameters', async () => {
    const model = makeModel();
    const [first, second] = await Promise.all([
      render(model, callOptions({ seed: 99 })),
      render(model, callOptions({ seed: 99 })),
    ]);
    expect(first!.video).not.toBe(second!.video);
    expect(await sha256Of(first!.video)).toBe(await sha256Of(second!.video));
    expect(await sha256Of(first!.thumbnail)).toBe(await sha256Of(second!.thumbnail));
    expect(await sha256Of(first!.spritesheet)).toBe(await sha256Of(second!.spritesheet));
    const other = await render(model, callOptions({ seed: 100 }));
    expect(await sha256Of(other.video)).not.toBe(await sha256Of(first!.video));
  });

  it('starts the input image on the first frame, then moves on to the scene', async () => {
    const image = join(workDir, 'red.png');
    await ffmpeg(['-f', 'lavfi', '-i', 'color=c=red:s=200x100', '-frames:v', '1', image]);
    const rendered = await render(
      makeModel(),
      callOptions({
        inputReference: { path: image, mediaType: 'image/png' },
        providerOptions: { scene: 'cellauto' },
      }),
    );
    // The image input runs at its own rate (25 fps); the clip must still be 12 fps for 2 s.
    const probe = await probeVideo(ffprobePath, rendered.video);
    expect(probe).toMatchObject({ frames: 24, fps: 12 });
    expect(probe.durationSeconds).toBeCloseTo(2, 2);
    const [first, later] = await decodeFrames(ffmpegPath, rendered.video, {
      frames: [0, 20],
      width: 320,
      height: 240,
      pixelFormat: 'rgb24',
    });
    // 200x100 fits as 320x160, centred: rows 40..199 are the image, the rest is padding.
    const redShare = (frame: Buffer): number => {
      let red = 0;
      for (let row = 44; row < 196; row += 1) {
        for (let column = 0; column < 320; column += 1) {
          const offset = (row * 320 + column) * 3;
          const [r, g, b] = [frame[offset]!, frame[offset + 1]!, frame[offset + 2]!];
          if (r > 180 && g < 80 && b < 80) red += 1;
        }
      }
      return red / (152 * 320);
    };
    expect(redShare(first!)).toBeGreaterThan(0.95);
    expect(redShare(later!)).toBeLessThan(0.5);
  });
});

describe('local video model: lifecycle', () => {
  it('does not render twice for one idempotency key', async () => {
    const model = makeModel();
    const options = callOptions({ seed: null });
    const [first, second] = await Promise.all([model.doStart(options), model.doStart(options)]);
    expect(second).toEqual(first);
    const operation = operationOf(first!.operation);
    const result = await waitForResult(model, first!.operation);
    expect(result.status).toBe('completed');
    const again = await model.doStart(options);
    expect(again).toEqual(first);
    const jobFilesAfter = await readdir(operation.jobDir);
    expect(jobFilesAfter.filter((name) => name === 'pid')).toHaveLength(1);
    expect(await readFile(join(operation.jobDir, 'pid'), 'utf8')).toBe(`${operation.pid}\n`);
    // Without a seed the key picks one, the same on every retry of this start.
    expect(first!.providerMetadata).toMatchObject({ local: { seed: expect.any(Number) } });
  });

  it('reports progress while rendering and cancels by killing the process group', async () => {
    const model = makeModel();
    const started = await model.doStart(
      callOptions({ seconds: 20, width: 1280, height: 720, fps: 24 }),
    );
    const operation = operationOf(started.operation);
    let status = await model.doStatus({ operation: started.operation });
    for (let attempt = 0; attempt < 100; attempt += 1) {
      if (status.status !== 'pending' || (status.progress ?? 0) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await model.doStatus({ operation: started.operation });
    }
    expect(status).toMatchObject({ status: 'pending', retryAfterMs: 500 });
    if (status.status === 'pending') {
      expect(status.progress).toBeGreaterThan(0);
      expect(status.progress).toBeLessThan(100);
    }
    await model.doCancel!({ operation: started.operation });
    expect(await waitForGroupGone(operation.pid)).toBe(true);
    expect(await model.doStatus({ operation: started.operation })).toEqual({
      status: 'failed',
      error: { code: 'cancelled', message: 'the render was cancelled', retryable: false },
    });
  });

  it('fails with render_timeout when the render outlives renderTimeoutMs', async () => {
    const model = makeModel({ renderTimeoutMs: 300 });
    const started = await model.doStart(
      callOptions({ seconds: 20, width: 1280, height: 720, fps: 24 }),
    );
    const operation = operationOf(started.operation);
    const result = await waitForResult(model, started.operation, 20_000);
    expect(result).toMatchObject({
      status: 'failed',
      error: { code: 'render_timeout', retryable: false },
    });
    expect(await waitForGroupGone(operation.pid)).toBe(true);
  });

  it('kills an overdue render itself when its clock says the timeout has passed', async () => {
    let clockOffsetMs = 0;
    const model = makeModel({ now: () => Date.now() + clockOffsetMs });
    const started = await model.doStart(
      callOptions({ seconds: 20, width: 1280, height: 720, fps: 24 }),
    );
    const operation = operationOf(started.operation);
    expect((await model.doStatus({ operation: started.operation })).status).toBe('pending');
    clockOffsetMs = 10 * 60_000;
    const expected = { status: 'failed', error: { code: 'render_timeout', retryable: false } };
    expect(await model.doStatus({ operation: started.operation })).toMatchObject(expected);
    expect(await waitForGroupGone(operation.pid)).toBe(true);
    expect(await model.doStatus({ operation: started.operation })).toMatchObject(expected);
  });

  it('fails with render_failed and ffmpeg’s reason when the input image is corrupt', async () => {
    const image = join(workDir, 'corrupt.png');
    await writeFile(image, Buffer.from('\x89PNG\r\n\x1a\n this is not really a png', 'latin1'));
    const model = makeModel();
    const started = await model.doStart(
      callOptions({ inputReference: { path: image, mediaType: 'image/png' } }),
    );
    operationOf(started.operation);
    const result = await waitForResult(model, started.operation);
    expect(result.status).toBe('failed');
    if (result.status !== 'failed') return;
    expect(result.error).toMatchObject({
      code: 'render_failed',
      retryable: false,
      param: 'input_reference',
    });
    expect(result.error.message).toMatch(/^ffmpeg exited with status [1-9]\d*: /);
    expect(result.error.message).toContain('Invalid data found when processing input');
    const lines = result.error.message.split('\n');
    expect(lines.filter((line, index) => line === lines[index - 1])).toEqual([]);
    expect(result.error.message).not.toContain(workDir);
  });
});

describe('local video model: bad input', () => {
  async function fakeJob(name: string, pid: number): Promise<JSONValue> {
    const jobDir = join(workDir, name);
    await mkdir(jobDir, { recursive: true });
    return { jobDir, pid, startedAt: Date.now(), totalFrames: 24, timeoutMs: 60_000 };
  }

  it('reports render_interrupted when the process is gone without an exit file', async () => {
    const model = makeModel();
    const finished = await runCommand('/bin/sh', ['-c', 'echo $$'], { timeoutMs: 5000 });
    const deadPid = Number.parseInt(finished.stdout.toString(), 10);
    for (const operation of [
      await fakeJob('gone', deadPid),
      // A live process that is not our render (its pid was reused): never waited on or killed.
      await fakeJob('reused', process.pid),
    ]) {
      expect(await model.doStatus({ operation })).toMatchObject({
        status: 'failed',
        error: { code: 'render_interrupted', retryable: true },
      });
    }
  });

  it('reports invalid_operation for malformed operations or job dirs outside the work dir', async () => {
    const model = makeModel();
    const outside = { jobDir: tmpdir(), pid: 1, startedAt: 0, totalFrames: 1, timeoutMs: 1 };
    for (const operation of [null, { jobDir: 3 }, 'nope', outside] as JSONValue[]) {
      expect(await model.doStatus({ operation })).toMatchObject({
        status: 'failed',
        error: { code: 'invalid_operation', retryable: false },
      });
    }
    await expect(model.doCancel!({ operation: outside })).rejects.toBeInstanceOf(
      InvalidRequestError,
    );
  });

  it('rejects bad provider options and sizes before touching the disk', async () => {
    const model = makeModel();
    const cases: [Partial<VideoCallOptions>, string][] = [
      [{ providerOptions: { bogus: true } }, 'provider_options.local.bogus'],
      [{ providerOptions: { crf: 99 } }, 'provider_options.local.crf'],
      [{ width: 321 }, 'size'],
      [{ width: 1920, height: 1920 }, 'size'],
      [{ fps: 0 }, 'fps'],
    ];
    for (const [overrides, param] of cases) {
      const options = callOptions(overrides);
      await expect(model.doStart(options)).rejects.toMatchObject({ param, status: 400 });
      expect(await readdir(workDir)).not.toContain(options.idempotencyKey);
    }
  });

  it('answers unknown model ids with a 404', () => {
    const provider = createLocalProvider({ ffmpegPath, workDir, renderTimeoutMs: 1000 });
    expect(() => provider.videoModel('sora-2')).toThrow(/no model "sora-2"/);
  });
});

describe('local video model: recovery and cleanup', () => {
  it('takes over a start lock left by a start that died before spawning', async () => {
    const model = makeModel();
    const options = callOptions();
    const jobDir = join(workDir, options.idempotencyKey);
    await mkdir(jobDir, { recursive: true });
    await writeFile(join(jobDir, 'start.lock'), '');
    const old = new Date(Date.now() - 60_000);
    await utimes(join(jobDir, 'start.lock'), old, old);
    const started = await model.doStart(options);
    operationOf(started.operation);
    expect((await waitForResult(model, started.operation)).status).toBe('completed');
  });

  it('reports a missing ffmpeg as a failed render with the reason', async () => {
    const model = makeModel({ ffmpegPath: join(workDir, 'no-such-ffmpeg') });
    const started = await model.doStart(callOptions());
    operationOf(started.operation);
    expect(started.warnings).toEqual([
      { type: 'other', message: 'this ffmpeg cannot draw text, so the caption was left out' },
    ]);
    const result = await waitForResult(model, started.operation);
    expect(result).toMatchObject({ status: 'failed', error: { code: 'render_failed' } });
    if (result.status === 'failed') expect(result.error.message).toMatch(/no-such-ffmpeg/);
  });

  it('removes a job directory, killing a render that still runs', async () => {
    const provider = createLocalProvider({ ffmpegPath, workDir, renderTimeoutMs: 60_000 });
    const model = provider.videoModel('local');
    const started = await model.doStart(
      callOptions({ seconds: 20, width: 1280, height: 720, fps: 24 }),
    );
    const operation = operationOf(started.operation);
    await provider.removeRender(started.operation);
    expect(await waitForGroupGone(operation.pid)).toBe(true);
    await expect(readdir(operation.jobDir)).rejects.toThrow(/ENOENT/);
  });
});
