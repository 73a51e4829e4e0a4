import type { Readable } from 'node:stream';
import yazl from 'yazl';
import type { Queryable } from '../db/queryable.js';
import { findVideoFilesOf } from '../db/video-files-repository.js';
import type { ContentStore } from '../storage/content-store.js';
import type { TimelineWarning } from '../timeline/timeline-model.js';
import { buildTimeline, type TimelineSources } from './build-timeline.js';
import { clipProvenance } from './clip-provenance.js';
import { fileNameOf } from './media-names.js';
import { packageReadme } from './package-readme.js';
import {
  timelineDocument,
  type FcpxmlVersion,
  type TimelineDocument,
  type TimelineFormat,
} from './timeline-document.js';

export interface PackageDeps {
  database: Queryable;
  store: ContentStore;
}

export interface PackageWarning extends TimelineWarning {
  format: TimelineFormat;
}

export interface SequencePackage {
  fileName: string;
  warnings: PackageWarning[];
  /** The zip, written as it is read: media is streamed from storage, never held in memory. */
  stream: Readable;
}

const formats: TimelineFormat[] = ['fcpxml', 'xmeml', 'otio', 'edl'];

/** Each video once, with the clips that use it and the file its media gets in the package. */
function videosInOrder(sources: TimelineSources, fileNames: string[]) {
  const byVideo = new Map<string, { clips: number[]; fileName: string }>();
  sources.sequence.clips.forEach((clip, index) => {
    const entry = byVideo.get(clip.videoId) ?? { clips: [], fileName: fileNames[index] ?? '' };
    entry.clips.push(index);
    byVideo.set(clip.videoId, entry);
  });
  return byVideo;
}

/**
 * A `.zip` an editor can open anywhere: the four timelines pointing at `media/<name>.mp4`
 * relative to themselves (ADR 0018), the media, a provenance JSON per video, C2PA sidecars
 * beside their MP4s, and a README. Every document is written before the first byte is sent,
 * so a serializer's refusal is still an error response.
 */
export async function buildSequencePackage(
  deps: PackageDeps,
  input: { sources: TimelineSources; fcpxmlVersion: FcpxmlVersion; scores: Map<string, unknown> },
): Promise<SequencePackage> {
  const { sources } = input;
  const timeline = buildTimeline(sources, 'package');
  const documents = new Map<TimelineFormat, TimelineDocument>(
    formats.map((format) => [
      format,
      timelineDocument(timeline, format, { fcpxmlVersion: input.fcpxmlVersion }),
    ]),
  );
  const videos = videosInOrder(
    sources,
    timeline.clips.map((clip) => clip.media.fileName),
  );
  const sidecars = await findVideoFilesOf(deps.database, [...videos.keys()], 'c2pa');
  const base = fileNameOf(sources.sequence.name);
  const mtime = sources.sequence.updatedAt;
  const zip = new yazl.ZipFile();
  const text = (path: string, body: string) =>
    zip.addBuffer(Buffer.from(body, 'utf8'), `${base}/${path}`, { mtime });
  for (const document of documents.values()) text(`${base}${document.extension}`, document.body);
  for (const [videoId, entry] of videos) {
    const media = sources.media.get(videoId);
    const video = sources.videos.get(videoId);
    if (media == null || video == null) continue;
    const stem = entry.fileName.replace(/\.mp4$/, '');
    // MP4 is compressed already: stored, it unzips at disk speed.
    zip.addFile(media.path, `${base}/media/${entry.fileName}`, { mtime, compress: false });
    const sidecar = sidecars.get(videoId);
    const sidecarPath = sidecar != null ? `media/${stem}.c2pa` : null;
    if (sidecar != null)
      zip.addFile(deps.store.pathOf(sidecar.sha256), `${base}/${sidecarPath}`, { mtime });
    const provenance = clipProvenance({
      ...{ video, media, mediaPath: `media/${entry.fileName}`, sidecarPath },
      clips: entry.clips,
      scores: input.scores.get(videoId) ?? null,
    });
    text(`provenance/${stem}.json`, `${JSON.stringify(provenance, null, 2)}\n`);
  }
  text('README.txt', packageReadme(base, sources.sequence.name, input.fcpxmlVersion));
  zip.end();
  const warnings = [...documents].flatMap(([format, document]) =>
    document.warnings.map((warning) => ({ ...warning, format })),
  );
  return { fileName: `${base}.zip`, warnings, stream: zip.outputStream as Readable };
}
