// `npm run bench -- score-memory`: peak RSS of a process scoring a 60 s 1920x1080 clip, next to
// the same for a 5 s clip: memory must stay flat whatever the clip length (target < 300 MB); cold
// processes (start-up included in the time), with 1 analysis thread and with one per core.
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledBinaryPaths } from '../packages/gateway/src/media/bundled-binaries.js';
import { makeClip } from './score-clips.js';
import { scoreInChild } from './score-throughput.js';

export async function benchScoreMemory(longSeconds: number) {
  const { ffmpegPath } = bundledBinaryPaths();
  const directory = await mkdtemp(join(tmpdir(), 'vgw-score-memory-'));
  try {
    const rows = [];
    for (const seconds of [5, longSeconds]) {
      const file = makeClip(ffmpegPath, directory, {
        name: `clip${seconds}s`,
        width: 1920,
        height: 1080,
        seconds,
        fps: 24,
        preset: 'ultrafast',
      });
      // Each analysis thread holds its own V8 heap and opencv-js wasm memory, so both counts.
      for (const threads of [1, availableParallelism()]) {
        const report = await scoreInChild(threads, [file], true);
        rows.push({
          clip: `${seconds} s 1920x1080 24 fps`,
          threads,
          frames: report.frames[0],
          scoreSeconds: Number((report.scoredMs / 1000).toFixed(2)),
          peakRssMb: Math.round(report.peakRssMb),
        });
      }
      await rm(file);
    }
    return rows;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
