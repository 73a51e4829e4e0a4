import { createHash } from 'node:crypto';
import { createReadStream, constants } from 'node:fs';
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetCandidate } from '../db/dataset-candidates-repository.js';
import type { CompletedVideoMedia } from '../generation/completed-video-media.js';
import { conformClip, type ConformBinaries } from './conform-clip.js';
import { conformPlan, conformPresets } from './conform-presets.js';
import type { ConformFamily } from './dataset-request.js';
import type { DatasetSplit } from './dataset-split.js';
import { conformRecordOf, type WrittenClip } from './manifest-line.js';

export interface PlannedClip {
  candidate: DatasetCandidate;
  media: CompletedVideoMedia;
  split: DatasetSplit;
  /** The stored path of its C2PA sidecar, when it has one. */
  sidecar: string | null;
}

export interface WriteClipsOptions {
  binaries: ConformBinaries;
  conform: ConformFamily | null;
  /** Copies at once; each is I/O. */
  copyConcurrency?: number;
  /** Encodes at once; each ffmpeg already uses several threads. */
  conformConcurrency?: number;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Runs `work` over the items with at most `limit` at once, results in input order. */
async function inPool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>) {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}

/**
 * Writes one clip: the stored file copied (a reflink where the filesystem can, so a dataset on
 * the data dir's disk costs no space until edited; a real copy elsewhere, so the folder can be
 * handed on), or conformed by ffmpeg; its caption beside it, its sidecar under provenance/.
 */
async function writeClip(
  root: string,
  clip: PlannedClip,
  options: WriteClipsOptions,
): Promise<WrittenClip> {
  const stem = clip.candidate.id;
  const mediaPath = join(root, clip.split, `${stem}.mp4`);
  let conform: WrittenClip['conform'] = null;
  let sha256 = clip.media.sha256;
  if (options.conform == null) {
    await copyFile(clip.media.path, mediaPath, constants.COPYFILE_FICLONE);
  } else {
    const plan = conformPlan(clip.media, conformPresets[options.conform]);
    if (!plan.ok) throw new Error(`unplanned clip ${stem}`);
    const { fps, frames, width, height } = plan;
    await conformClip(options.binaries, clip.media.path, mediaPath, { fps, frames, width, height });
    conform = conformRecordOf(options.conform, clip.media, { fps, frames, width, height });
    sha256 = await sha256Of(mediaPath);
  }
  await writeFile(join(root, clip.split, `${stem}.txt`), `${clip.candidate.prompt.trim()}\n`);
  let sidecarPath: string | null = null;
  if (clip.sidecar != null && conform == null) {
    sidecarPath = `provenance/${stem}.c2pa`;
    await copyFile(clip.sidecar, join(root, sidecarPath), constants.COPYFILE_FICLONE);
  }
  const bytes = conform == null ? clip.media.bytes : (await stat(mediaPath)).size;
  return { ...clip, stem, sha256, bytes, conform, sidecarPath };
}

/** Writes every planned clip under `root` (train/, validation/, provenance/ as needed). */
export async function writeClips(
  root: string,
  clips: PlannedClip[],
  options: WriteClipsOptions,
): Promise<WrittenClip[]> {
  const folders = new Set<string>(['train', ...clips.map((clip) => clip.split)]);
  if (clips.some((clip) => clip.sidecar != null) && options.conform == null) {
    folders.add('provenance');
  }
  for (const folder of folders) await mkdir(join(root, folder), { recursive: true });
  const limit =
    options.conform == null ? (options.copyConcurrency ?? 8) : (options.conformConcurrency ?? 2);
  return inPool(clips, limit, (clip) => writeClip(root, clip, options));
}
