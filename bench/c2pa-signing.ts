// What labelling an output costs: C2PA signing of one MP4 (embedded, and as a sidecar) and its
// verification, each as a ratio to copying the same file, which is the least any finished render
// already pays to reach storage. Clips are made with ffmpeg at a render's bitrate (noise keeps
// x264 from squeezing the test pattern to nothing), in this process, side by side, round by round.
//   npx tsx bench/c2pa-signing.ts [rounds]
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { bundledBinaryPaths } from '../packages/gateway/src/media/bundled-binaries.js';
import { loadC2paLibrary } from '../packages/gateway/src/provenance/c2pa-library.js';
import { createVideoSigner } from '../packages/gateway/src/provenance/sign-video.js';
import { loadSigningCredentials } from '../packages/gateway/src/provenance/signing-credentials.js';
import { verifyVideo } from '../packages/gateway/src/provenance/verify-video.js';
import { median } from './median.js';

const clips = [
  { name: '320x240, 1 s', size: '320x240', seconds: 1, bitrate: '500k' },
  { name: '1280x720, 4 s', size: '1280x720', seconds: 4, bitrate: '5M' },
  { name: '1920x1080, 8 s', size: '1920x1080', seconds: 8, bitrate: '10M' },
];

const facts = {
  model: 'local',
  provider: 'local',
  route: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  vgwVersion: '0.1.0',
  videoId: 'video_bench',
};

async function makeClip(directory: string, clip: (typeof clips)[number], index: number) {
  const path = join(directory, `clip-${index}.mp4`);
  const source = `testsrc2=size=${clip.size}:rate=24:duration=${clip.seconds}`;
  await promisify(execFile)(bundledBinaryPaths().ffmpegPath, [
    ...['-v', 'error', '-f', 'lavfi', '-i', source, '-vf', 'noise=alls=12:allf=t'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', clip.bitrate],
    ...['-maxrate', clip.bitrate, '-bufsize', clip.bitrate, '-pix_fmt', 'yuv420p', path],
  ]);
  return path;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const startedAt = performance.now();
  await work();
  return performance.now() - startedAt;
}

/** The longest the event loop went without running a 1 ms timer while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    await work();
    await new Promise((resolve) => setTimeout(resolve, 2));
  } finally {
    clearInterval(timer);
  }
  return longest;
}

export interface C2paSigningRow {
  clip: string;
  megabytes: number;
  copyMs: number;
  embedMs: number;
  sidecarMs: number;
  verifyMs: number;
  /** The event loop's longest stall during an embed: what a server sharing it would feel. */
  embedStallMs: number;
  embedToCopy: number;
  sidecarToCopy: number;
}

/** Median of `rounds` per operation; the four operations alternate within each round. */
export async function benchC2paSigning(rounds = 7): Promise<C2paSigningRow[]> {
  const c2pa = await loadC2paLibrary();
  if (!c2pa.available) throw new Error(c2pa.reason);
  const directory = await mkdtemp(join(tmpdir(), 'vgw-bench-c2pa-'));
  try {
    const now = () => new Date('2026-01-01T00:00:00Z');
    const credentials = await loadSigningCredentials({ dataDir: directory, now });
    const signer = createVideoSigner({ c2pa, credentials });
    const rows: C2paSigningRow[] = [];
    for (const [index, clip] of clips.entries()) {
      const input = await makeClip(directory, clip, index);
      const output = join(directory, `out-${index}.mp4`);
      const sidecarOut = join(directory, `sidecar-${index}.mp4`);
      const samples = {
        copy: [] as number[],
        embed: [] as number[],
        sidecar: [] as number[],
        verify: [] as number[],
        stall: [] as number[],
      };
      // Round 0 warms the page cache and the library; it is not counted.
      for (let round = 0; round <= rounds; round += 1) {
        const copy = await timed(() => copyFile(input, join(directory, `copy-${index}.mp4`)));
        const embed = await timed(() =>
          signer.signVideo({ inputPath: input, outputPath: output, facts, mode: 'embed' }),
        );
        const sidecar = await timed(() =>
          signer.signVideo({ inputPath: input, outputPath: sidecarOut, facts, mode: 'sidecar' }),
        );
        const verify = await timed(async () => {
          const result = await verifyVideo({ path: output }, c2pa);
          if (result.status !== 'valid') throw new Error(`signed clip verified ${result.status}`);
        });
        const stall = await longestStall(() =>
          signer.signVideo({ inputPath: input, outputPath: output, facts, mode: 'embed' }),
        );
        if (round === 0) continue;
        samples.stall.push(stall);
        samples.copy.push(copy);
        samples.embed.push(embed);
        samples.sidecar.push(sidecar);
        samples.verify.push(verify);
      }
      const [copyMs, embedMs, sidecarMs, verifyMs] = [
        median(samples.copy),
        median(samples.embed),
        median(samples.sidecar),
        median(samples.verify),
      ];
      rows.push({
        clip: clip.name,
        megabytes: Number(((await stat(input)).size / 1e6).toFixed(2)),
        copyMs: Number(copyMs.toFixed(2)),
        embedMs: Number(embedMs.toFixed(2)),
        sidecarMs: Number(sidecarMs.toFixed(2)),
        verifyMs: Number(verifyMs.toFixed(2)),
        embedStallMs: Number(median(samples.stall).toFixed(1)),
        embedToCopy: Number((embedMs / copyMs).toFixed(1)),
        sidecarToCopy: Number((sidecarMs / copyMs).toFixed(1)),
      });
    }
    return rows;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rounds = Number(process.argv[2] ?? 7);
  console.table(await benchC2paSigning(rounds));
}
