// Dataset export of N completed clips without conform, as a ratio to `cp -r` of the same files:
// the least any copy of them costs. Both write real copies on the same disk (on ext4 neither can
// reflink); the export also queries, splits and writes captions, manifests and a README. The
// first export probes every blob once (media_probes); later ones read the probes back, so the
// cold and warm figures are both reported. Rounds alternate, medians are compared.
//   npx tsx bench/dataset-export.ts [clips] [rounds]
import { execFile } from 'node:child_process';
import { appendFile, copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { datasetRequestSchema } from '../packages/gateway/src/datasets/dataset-request.js';
import { exportDataset } from '../packages/gateway/src/datasets/export-dataset.js';
import { bundledBinaryPaths } from '../packages/gateway/src/media/bundled-binaries.js';
import { createContentStore } from '../packages/gateway/src/storage/content-store.js';
import { addVideos } from '../packages/gateway/src/test-support/add-videos.js';
import { openBenchDatabase } from './bench-database.js';
import { median } from './median.js';

const run = promisify(execFile);

/** One render-like clip; each video gets it plus a unique trailing `free` box, so blobs differ. */
async function makeClip(directory: string): Promise<string> {
  const path = join(directory, 'base.mp4');
  await run(bundledBinaryPaths().ffmpegPath, [
    ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=24:duration=2'],
    ...['-vf', 'noise=alls=12:allf=t', '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '1M'],
    ...['-pix_fmt', 'yuv420p', path],
  ]);
  return path;
}

async function seed(clips: number, work: string) {
  const bench = await openBenchDatabase('pglite');
  const store = createContentStore(join(work, 'store'));
  const base = await makeClip(work);
  const flat = join(work, 'flat');
  await mkdir(flat);
  const ids = Array.from(
    { length: clips },
    (_, index) => `video_${String(index).padStart(6, '0')}`,
  );
  await addVideos(bench.database, ids);
  for (const id of ids) {
    const file = join(flat, `${id}.mp4`);
    await copyFile(base, file);
    const box = Buffer.alloc(16);
    box.writeUInt32BE(16, 0);
    box.write('free', 4, 'latin1');
    box.write(id.slice(-8), 8, 'latin1');
    await appendFile(file, box);
    const blob = await store.putFile(file);
    await bench.database.query(
      `insert into video_files (video_id, variant, sha256, bytes, media_type)
       values ($1, 'video', $2, $3, 'video/mp4')`,
      [id, blob.sha256, blob.bytes],
    );
  }
  await bench.database.query(
    `update videos set status = 'completed', provenance = 'embedded', completed_at = now()`,
  );
  return { bench, store, flat };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const startedAt = performance.now();
  await work();
  return performance.now() - startedAt;
}

export async function benchDatasetExport(clips = 1000, rounds = 5) {
  const work = await mkdtemp(join(tmpdir(), 'vgw-bench-dataset-'));
  try {
    const { bench, store, flat } = await seed(clips, work);
    const deps = { database: bench.database, store, ...bundledBinaryPaths() };
    let out = 0;
    const exportOnce = (layout: 'flat' | 'manifest') =>
      timed(() =>
        exportDataset(
          deps,
          'proj_1',
          datasetRequestSchema.parse({ layout }),
          join(work, `o${++out}`),
        ),
      );
    const cpOnce = () => timed(() => run('cp', ['-r', flat, join(work, `o${++out}`)]));
    const coldMs = await exportOnce('manifest');
    const times = { cp: [] as number[], flat: [] as number[], manifest: [] as number[] };
    for (let round = 0; round < rounds; round += 1) {
      times.cp.push(await cpOnce());
      times.flat.push(await exportOnce('flat'));
      times.manifest.push(await exportOnce('manifest'));
      await Promise.all(
        Array.from({ length: 3 }, (_, i) => rm(join(work, `o${out - i}`), { recursive: true })),
      );
    }
    await bench.dispose();
    const cpMs = median(times.cp);
    return [
      { case: `cp -r, ${clips} clips`, medianMs: Math.round(cpMs), ratio: 1 },
      ...(['flat', 'manifest'] as const).map((layout) => ({
        case: `export ${layout}, warm probes`,
        medianMs: Math.round(median(times[layout])),
        ratio: Math.round((median(times[layout]) / cpMs) * 100) / 100,
      })),
      {
        case: 'export manifest, cold (probes every blob)',
        medianMs: Math.round(coldMs),
        ratio: Math.round((coldMs / cpMs) * 100) / 100,
      },
    ];
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const clips = Number(process.argv[2] ?? 1000);
  console.table(await benchDatasetExport(clips, Number(process.argv[3] ?? 5)));
}
