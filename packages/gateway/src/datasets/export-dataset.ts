import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findDatasetCandidates } from '../db/dataset-candidates-repository.js';
import type { Queryable } from '../db/queryable.js';
import { findVideoFilesOf } from '../db/video-files-repository.js';
import { completedVideoMedia } from '../generation/completed-video-media.js';
import type { ContentStore } from '../storage/content-store.js';
import type { ConformBinaries } from './conform-clip.js';
import { conformPlan, conformPresets } from './conform-presets.js';
import { datasetReadme } from './dataset-readme.js';
import { createdBounds, type DatasetRequest } from './dataset-request.js';
import { splitOf } from './dataset-split.js';
import { manifestLine, type WrittenClip } from './manifest-line.js';
import { ExclusionCounts, exclusionOf, type ExclusionReason } from './select-clips.js';
import { writeStaged } from './staged-directory.js';
import { writeClips, type PlannedClip } from './write-clips.js';

export interface ExportDatasetDeps extends ConformBinaries {
  database: Queryable;
  store: ContentStore;
}

async function databaseNow(database: Queryable): Promise<Date> {
  const result = await database.query<{ now: Date }>('select now() as now');
  return result.rows[0]?.now ?? new Date(0);
}

/** What an export wrote and left out (also written as `dataset.json`). */
export interface DatasetReport {
  clips: number;
  train: number;
  validation: number;
  excluded: Partial<Record<ExclusionReason, number>>;
  bytes: number;
}

/** Which videos enter, with their media, and why the rest did not. */
async function planClips(
  deps: ExportDatasetDeps,
  projectId: string,
  request: DatasetRequest,
): Promise<{ clips: PlannedClip[]; excluded: ExclusionCounts }> {
  const { since, until } = createdBounds(request);
  const candidates = await findDatasetCandidates(deps.database, {
    projectId,
    model: request.model ?? null,
    since,
    until,
  });
  const excluded = new ExclusionCounts();
  const chosen = candidates.filter((candidate) => {
    const reason = exclusionOf(candidate, request);
    if (reason != null) excluded.add(reason);
    return reason == null;
  });
  const ids = chosen.map((candidate) => candidate.id);
  const [media, sidecars] = await Promise.all([
    completedVideoMedia(deps, ids),
    findVideoFilesOf(deps.database, ids, 'c2pa'),
  ]);
  const preset = request.conform != null ? conformPresets[request.conform] : null;
  const clips: PlannedClip[] = [];
  for (const candidate of chosen) {
    const found = media.get(candidate.id);
    if (found == null) {
      excluded.add('no_media');
      continue;
    }
    const plan = preset != null ? conformPlan(found, preset) : null;
    if (plan != null && !plan.ok) {
      excluded.add(plan.reason);
      continue;
    }
    const sidecar = sidecars.get(candidate.id);
    clips.push({
      candidate,
      media: found,
      split: splitOf(candidate.id, request.val_fraction),
      sidecar: sidecar != null ? deps.store.pathOf(sidecar.sha256) : null,
    });
  }
  return { clips, excluded };
}

const jsonLines = (lines: object[]) => lines.map((line) => `${JSON.stringify(line)}\n`).join('');

async function writeIndexFiles(
  root: string,
  request: DatasetRequest,
  written: WrittenClip[],
  report: DatasetReport,
  generatedAt: Date,
): Promise<void> {
  if (request.layout === 'manifest') {
    const lines = written.map(manifestLine);
    await writeFile(join(root, 'manifest.jsonl'), jsonLines(lines));
    for (const split of ['train', 'validation'] as const) {
      const ofSplit = lines.filter((line) => line.split === split);
      if (split === 'train' || ofSplit.length > 0) {
        await writeFile(join(root, `${split}.jsonl`), jsonLines(ofSplit));
      }
    }
  }
  const readme = datasetReadme({ request, ...report, generatedAt });
  await writeFile(join(root, 'README.txt'), readme);
  const summary = { generated_at: generatedAt.toISOString(), filters: request, ...report };
  await writeFile(join(root, 'dataset.json'), `${JSON.stringify(summary, null, 2)}\n`);
}

/**
 * Exports the project's videos that pass the request's filters into `outDir` (new or empty),
 * built in a staging folder and renamed into place whole. Clips are named by video id, so
 * stems are unique and an export repeated on the same videos writes the same names.
 */
export async function exportDataset(
  deps: ExportDatasetDeps,
  projectId: string,
  request: DatasetRequest,
  outDir: string,
): Promise<DatasetReport> {
  return writeStaged(outDir, async (root) => {
    const { clips, excluded } = await planClips(deps, projectId, request);
    const written = await writeClips(root, clips, { binaries: deps, conform: request.conform });
    const validation = written.filter((clip) => clip.split === 'validation').length;
    const report: DatasetReport = {
      clips: written.length,
      train: written.length - validation,
      validation,
      excluded: excluded.counts,
      bytes: written.reduce((sum, clip) => sum + clip.bytes, 0),
    };
    await writeIndexFiles(root, request, written, report, await databaseNow(deps.database));
    return report;
  });
}
