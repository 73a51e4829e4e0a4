import { GatewayError } from '@vgw/spec';
import type { Queryable } from '../db/queryable.js';
import {
  findMediaProbes,
  saveMediaProbe,
  type MediaProbeRecord,
} from '../db/media-probes-repository.js';
import { findVideoFilesOf } from '../db/video-files-repository.js';
import { probeVideo } from '../media/probe-video.js';
import type { ContentStore } from '../storage/content-store.js';

export interface CompletedVideoMediaDeps {
  database: Queryable;
  store: ContentStore;
  ffprobePath: string;
}

/** A completed video's stored MP4 and what is in it: frames, size, exact rate, audio. */
export interface CompletedVideoMedia extends MediaProbeRecord {
  videoId: string;
  bytes: number;
  path: string;
}

const probeConcurrency = 4;

async function probeStoredBlob(
  deps: CompletedVideoMediaDeps,
  sha256: string,
): Promise<MediaProbeRecord> {
  // Packets, not decoded frames: one packet per frame in H.264 MP4s, and far cheaper.
  const probe = await probeVideo(deps.ffprobePath, deps.store.pathOf(sha256), { decode: false });
  const rate = probe.frameRate;
  if (rate == null || probe.frames <= 0) {
    throw new GatewayError(`the stored video ${sha256.slice(0, 12)} has no readable frame rate`, {
      status: 500,
      code: 'media_unreadable',
    });
  }
  const record = {
    sha256,
    frames: probe.frames,
    width: probe.width,
    height: probe.height,
    rate,
    hasAudio: probe.hasAudio,
  };
  await saveMediaProbe(deps.database, record);
  return record;
}

/**
 * The media of each video that has a stored MP4, probed once per blob and kept in
 * `media_probes`; videos without a stored file are absent from the map (the caller says why).
 */
export async function completedVideoMedia(
  deps: CompletedVideoMediaDeps,
  videoIds: readonly string[],
): Promise<Map<string, CompletedVideoMedia>> {
  const files = await findVideoFilesOf(deps.database, videoIds, 'video');
  const known = await findMediaProbes(
    deps.database,
    [...files.values()].map((file) => file.sha256),
  );
  const unknown = [...new Set([...files.values()].map((file) => file.sha256))].filter(
    (sha256) => !known.has(sha256),
  );
  // A first export of many clips probes each once; a few ffprobes at a time keep that short
  // without starving the render workers of cores.
  let next = 0;
  const probeInTurn = async () => {
    for (let index = next++; index < unknown.length; index = next++) {
      const sha256 = unknown[index]!;
      known.set(sha256, await probeStoredBlob(deps, sha256));
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(probeConcurrency, unknown.length) }, probeInTurn),
  );
  const media = new Map<string, CompletedVideoMedia>();
  for (const file of files.values()) {
    const probe = known.get(file.sha256)!;
    media.set(file.videoId, {
      ...probe,
      videoId: file.videoId,
      bytes: file.bytes,
      path: deps.store.pathOf(file.sha256),
    });
  }
  return media;
}
