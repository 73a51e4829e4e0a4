import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamFrames } from './frame-stream.js';
import { runNativePass } from './native-pass.js';
import { mean } from './raw-image.js';
import type { ScoreResult } from './score-result.js';
import { scoreResultSchema } from './score-result.js';
import { scoreVideo } from './score-video.js';
import { structuralSimilarity } from './ssim.js';
import type { Fixtures } from '../test-support/quality-fixtures.js';
import {
  ffmpegToFile,
  makeFixtures,
  writeEnormousHeader,
} from '../test-support/quality-fixtures.js';

const run = promisify(execFile);
const names = ['smooth', 'flicker', 'jitter', 'frozen', 'noisy', 'drifting', 'testsrc2', 'cut'];
let fixtures: Fixtures;
const scores = new Map<string, ScoreResult>();

function score(name: string): ScoreResult {
  const result = scores.get(name);
  if (result == null) throw new Error(`not scored: ${name}`);
  return result;
}

beforeAll(async () => {
  fixtures = await makeFixtures([...names, 'oneFrame']);
  for (const name of names) {
    const result = await scoreVideo({ ...fixtures, file: fixtures.path(name), timeoutMs: 30_000 });
    scores.set(name, scoreResultSchema.parse(JSON.parse(JSON.stringify(result))));
  }
}, 120_000);
afterAll(() => fixtures.cleanup());

describe('scoreVideo orderings on lavfi fixtures', () => {
  it('flicker is worse than clean on VBench flicker, warp error, luma flicker and the index', () => {
    const [clean, flicker] = [score('smooth'), score('flicker')];
    expect(flicker.metrics.vbenchFlicker.value).toBeLessThan(
      clean.metrics.vbenchFlicker.value - 0.05,
    );
    expect(flicker.metrics.warpingError).toBeGreaterThan(5 * clean.metrics.warpingError);
    expect(flicker.metrics.lumaFlicker!).toBeGreaterThan(30);
    expect(clean.metrics.lumaFlicker!).toBeLessThan(2);
    expect(flicker.index.value).toBeLessThan(clean.index.value - 20);
  });

  it('shake is worse on camera jitter than clean, flicker and noise', () => {
    const jitter = score('jitter').metrics.cameraJitter!;
    for (const other of ['smooth', 'flicker', 'noisy']) {
      expect(jitter).toBeGreaterThan(5 * score(other).metrics.cameraJitter!);
    }
  });

  it('a frozen clip is "stable" but detected as frozen and not dynamic', () => {
    const frozen = score('frozen');
    expect(frozen.metrics.freeze.frozenFraction).toBe(1);
    expect(frozen.metrics.freeze.longestRun).toBe(48);
    expect(frozen.dynamicDegree.dynamic).toBe(false);
    expect(frozen.dynamicDegree.meanTopMotion).toBeLessThan(0.1);
    expect(frozen.metrics.vbenchFlicker.value).toBeGreaterThan(0.9999);
    expect(score('smooth').metrics.freeze.runs).toEqual([]);
  });

  it('dynamic degree: moving pattern and shake are dynamic, frozen and drifting are not', () => {
    expect(score('testsrc2').dynamicDegree.dynamic).toBe(true);
    expect(score('jitter').dynamicDegree.dynamic).toBe(true);
    expect(score('drifting').dynamicDegree.dynamic).toBe(false);
    expect(score('testsrc2').dynamicDegree.movingPairFraction).toBeGreaterThan(
      score('frozen').dynamicDegree.movingPairFraction,
    );
  });

  it('noise raises warp error and lowers consecutive SSIM', () => {
    const [clean, noisy] = [score('smooth'), score('noisy')];
    expect(noisy.metrics.warpingError).toBeGreaterThan(3 * clean.metrics.warpingError);
    expect(noisy.metrics.consecutiveSsim).toBeLessThan(clean.metrics.consecutiveSsim - 0.2);
    expect(noisy.metrics.motionSmoothness!).toBeLessThan(clean.metrics.motionSmoothness!);
  });

  it('drifting colour: histogram distance to frame 0 grows over time, static content does not', () => {
    const drift = score('drifting').perFrame.histogramDistanceToFirst;
    expect(mean(drift.slice(-5))).toBeGreaterThan(mean(drift.slice(1, 6)) + 0.3);
    expect(score('drifting').metrics.drift.endHistogramDistance).toBeGreaterThan(0.5);
    expect(score('frozen').metrics.drift.endHistogramDistance).toBeLessThan(0.05);
  });

  // The premises of ADR 0009: if one stops holding, weighting drift must be looked at again. The
  // 2 s zoom drifts 0.26 against 0.87 for this 120° hue sweep; at 5 s it reaches 0.53, as far as a warm
  // colour creep on that same zoom (0.57; docs/decisions/0009).
  it('colour drift is reported, not weighted: a clean zoom drifts in histogram too', () => {
    const [clean, drifting, frozen] = [score('smooth'), score('drifting'), score('frozen')];
    expect(Object.keys(drifting.index.weights)).not.toContain('drift');
    expect(Math.abs(drifting.index.value - frozen.index.value)).toBeLessThan(3);
    expect(clean.metrics.drift.endHistogramDistance).toBeGreaterThan(
      0.25 * drifting.metrics.drift.endHistogramDistance,
    );
  });

  it('finds the cut between two different sources and none in one-shot clips', () => {
    expect(score('cut').metrics.sceneCuts).toEqual([24]);
    for (const name of ['smooth', 'jitter', 'noisy', 'testsrc2']) {
      expect(score(name).metrics.sceneCuts).toEqual([]);
    }
  });

  it('reports per-frame series and analysis sizes', () => {
    const clean = score('smooth');
    expect(clean.analysis).toMatchObject({ frames: 48, fps: 24 });
    expect(clean.analysis.sizes).toEqual({
      native: { width: 160, height: 120 },
      flow: { width: 160, height: 120 },
    });
    expect(clean.perFrame.flicker).toHaveLength(47);
    expect(clean.perFrame.warpingError).toHaveLength(47);
    expect(clean.perFrame.motionSmoothness).toHaveLength(23);
    expect(clean.perFrame.dynamicTopMotion).toHaveLength(15);
  });
});

describe('cross-checks against ffmpeg filters', () => {
  it('consecutive-frame SSIM matches ffmpeg ssim (Y) within 0.01', async () => {
    const file = fixtures.path('noisy');
    const stats = join(fixtures.directory, 'ssim.txt');
    const graph = `[0:v]split[a][b];[b]trim=start_frame=1,setpts=PTS-STARTPTS[b1];[a][b1]ssim=shortest=1:stats_file=${stats}`;
    await run(fixtures.ffmpegPath, [
      '-v',
      'error',
      '-i',
      file,
      '-filter_complex',
      graph,
      '-f',
      'null',
      '-',
    ]);
    const reference = (await readFile(stats, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => Number(/Y:([\d.]+)/.exec(line)?.[1]));
    // Raw limited-range Y planes, exactly what ffmpeg's ssim sees (a gray decode is range-expanded).
    const planes = await run(
      fixtures.ffmpegPath,
      ['-v', 'error', '-i', file, '-vf', 'extractplanes=y', '-f', 'rawvideo', '-'],
      { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
    );
    const frameBytes = 160 * 120;
    const frames = Array.from({ length: planes.stdout.length / frameBytes }, (_, index) => ({
      width: 160,
      height: 120,
      channels: 1 as const,
      data: planes.stdout.subarray(index * frameBytes, (index + 1) * frameBytes),
    }));
    const ours = frames.slice(1).map((frame, index) => structuralSimilarity(frames[index]!, frame));
    expect(ours).toHaveLength(reference.length);
    // ffmpeg prints 6 decimals and sums in integers; same windows and constants otherwise.
    ours.forEach((value, index) => expect(Math.abs(value - reference[index]!)).toBeLessThan(1e-4));
  });

  it('mean frame difference matches signalstats YDIF × 255/219 within 2 %', async () => {
    const file = fixtures.path('flicker');
    const stats = join(fixtures.directory, 'ydif.txt');
    const filter = `signalstats,metadata=print:key=lavfi.signalstats.YDIF:file=${stats}`;
    await run(fixtures.ffmpegPath, ['-v', 'error', '-i', file, '-vf', filter, '-f', 'null', '-']);
    const ydif = [...(await readFile(stats, 'utf8')).matchAll(/YDIF=([\d.]+)/g)].map((match) =>
      Number(match[1]),
    );
    const native = await runNativePass({
      ffmpegPath: fixtures.ffmpegPath,
      file,
      width: 160,
      height: 120,
      timeoutMs: 10_000,
    });
    // YDIF is on limited-range Y (16–235); our gray decode is expanded to 0–255.
    const expected = (mean(ydif.slice(1)) * 255) / 219;
    expect(mean(native.pairDifferences)).toBeGreaterThan(expected * 0.98);
    expect(mean(native.pairDifferences)).toBeLessThan(expected * 1.02);
  });
});

describe('scoreVideo errors', () => {
  const attempt = (file: string, extra: { maxPixels?: number } = {}) =>
    scoreVideo({ ...fixtures, file, timeoutMs: 10_000, ...extra });

  it('missing file', async () => {
    await expect(attempt(join(fixtures.directory, 'nope.mp4'))).rejects.toMatchObject({
      code: 'missing_file',
    });
  });

  it('zero-length file', async () => {
    const file = join(fixtures.directory, 'empty.mp4');
    await writeFile(file, '');
    await expect(attempt(file)).rejects.toMatchObject({ code: 'empty_file' });
  });

  it('corrupt file', async () => {
    const file = join(fixtures.directory, 'corrupt.mp4');
    await writeFile(
      file,
      Buffer.from(Array.from({ length: 5000 }, (_, index) => (index * 37) % 251)),
    );
    await expect(attempt(file)).rejects.toMatchObject({ code: 'unreadable' });
  });

  it('truncated video decodes what it can or fails clearly, never hangs', async () => {
    const whole = await readFile(fixtures.path('smooth'));
    const file = join(fixtures.directory, 'truncated.mp4');
    await writeFile(file, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(attempt(file)).rejects.toMatchObject({ code: 'unreadable' });
  });

  it('audio-only file has no video stream', async () => {
    const file = join(fixtures.directory, 'audio.m4a');
    await ffmpegToFile(
      fixtures.ffmpegPath,
      ['-f', 'lavfi', '-i', 'anullsrc', '-t', '0.5', '-c:a', 'aac'],
      file,
    );
    await expect(attempt(file)).rejects.toMatchObject({ code: 'no_video_stream' });
  });

  it('one-frame video says temporal metrics need pairs', async () => {
    await expect(attempt(fixtures.path('oneFrame'))).rejects.toMatchObject({
      code: 'too_few_frames',
      message: expect.stringContaining('at least 2') as unknown,
    });
  });

  it('enormous resolution is refused before decoding', async () => {
    const file = join(fixtures.directory, 'huge.y4m');
    await writeEnormousHeader(file);
    const started = Date.now();
    await expect(attempt(file)).rejects.toMatchObject({ code: 'too_large' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a decode that overruns its budget is killed with decode_timeout', async () => {
    const frames = streamFrames({
      ffmpegPath: fixtures.ffmpegPath,
      file: fixtures.path('smooth'),
      width: 160,
      height: 120,
      scale: false,
      pixelFormat: 'rgb24',
      timeoutMs: 50,
    });
    const consume = async (): Promise<void> => {
      let received = 0;
      for await (const frame of frames) {
        received += frame.index >= 0 ? 1 : 0;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`all ${received} frames arrived before the deadline`);
    };
    await expect(consume()).rejects.toMatchObject({ code: 'decode_timeout' });
  });
});
