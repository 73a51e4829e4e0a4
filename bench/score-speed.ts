// `npm run bench -- score-speed`: a full scoreVideo of a 5 s 1280x720 24 fps clip against ffmpeg
// alone decoding the same clip, alternating runs in one process, median of BENCH_SCORE_RUNS.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundledBinaryPaths } from '../packages/gateway/src/media/bundled-binaries.js';
import { scoreVideo } from '../packages/gateway/src/quality/score-video.js';
import { decodeMs, makeClip, median } from './score-clips.js';

export interface ScoreSpeedRow {
  threads: number;
  runs: number;
  decodeGrayMs: number;
  decodeScorerMs: number;
  /** The first call in the process: opencv-js and the analysis threads start. */
  coldScoreMs: number;
  scoreMs: number;
  /** scoreMs / decodeGrayMs: the target is ≤ 2. */
  ratio: number;
  ratioToScorerDecode: number;
  index: number;
  frames: number;
}

/** One row per thread count; the decodes are re-measured between score runs, side by side. */
export async function benchScoreSpeed(runs: number, threadCounts: number[]) {
  const { ffmpegPath, ffprobePath } = bundledBinaryPaths();
  const directory = await mkdtemp(join(tmpdir(), 'vgw-score-speed-'));
  const rows: ScoreSpeedRow[] = [];
  try {
    const clip = { name: 'clip720', width: 1280, height: 720, seconds: 5, fps: 24 };
    const file = makeClip(ffmpegPath, directory, clip);
    for (const threads of threadCounts) {
      const score = async () => {
        const started = performance.now();
        const result = await scoreVideo({
          ffmpegPath,
          ffprobePath,
          file,
          timeoutMs: 120_000,
          threads,
        });
        return { ms: performance.now() - started, result };
      };
      const cold = await score();
      const gray: number[] = [];
      const scorer: number[] = [];
      const scored: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        gray.push(decodeMs(ffmpegPath, file, 'gray'));
        const { flow, native } = cold.result.analysis.sizes;
        scorer.push(decodeMs(ffmpegPath, file, 'scorer', flow, native));
        scored.push((await score()).ms);
      }
      rows.push({
        threads,
        runs,
        decodeGrayMs: Math.round(median(gray)),
        decodeScorerMs: Math.round(median(scorer)),
        coldScoreMs: Math.round(cold.ms),
        scoreMs: Math.round(median(scored)),
        ratio: Number((median(scored) / median(gray)).toFixed(2)),
        ratioToScorerDecode: Number((median(scored) / median(scorer)).toFixed(2)),
        index: cold.result.index.value,
        frames: cold.result.analysis.frames,
      });
    }
    return rows;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
