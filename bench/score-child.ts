// A scoring process for the score-throughput and score-memory benchmarks:
// `tsx bench/score-child.ts [--cold] THREADS FILE...` scores the first file once to start opencv-js and the
// analysis threads (untimed, like a long-running worker; not with --cold), then all files one after another, and
// prints one JSON line: the scoring ms and the process's peak RSS (VmHWM: the main thread and its
// analysis threads).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { bundledBinaryPaths } from '../packages/gateway/src/media/bundled-binaries.js';
import { scoreVideo } from '../packages/gateway/src/quality/score-video.js';

function peakRssMb(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match == null ? Number.NaN : Number(match[1]) / 1024;
}

const cold = process.argv[2] === '--cold';
const [threadArgument, ...files] = process.argv.slice(cold ? 3 : 2);
const threads = Number(threadArgument);
const warmUp = files[0];
if (warmUp != null && !cold) {
  await scoreVideo({ ...bundledBinaryPaths(), file: warmUp, timeoutMs: 600_000, threads });
}
const started = performance.now();
const frames: number[] = [];
for (const file of files) {
  const result = await scoreVideo({ ...bundledBinaryPaths(), file, timeoutMs: 600_000, threads });
  frames.push(result.analysis.frames);
}
const scoredMs = performance.now() - started;
console.log(JSON.stringify({ scoredMs, peakRssMb: peakRssMb(), frames }));
