import type { VideoStatusResult } from '@vgw/spec';
import { noOutput } from '../../provider-http/video-status.js';
import { historyFailure } from './comfyui-error.js';
import { findVideoOutput, viewUrl } from './comfyui-outputs.js';
import type { HistoryEntry } from './comfyui-schemas.js';

/** Maps a finished run (its history entry) to the gateway's status. */
export function historyStatus(
  baseURL: string,
  promptId: string,
  entry: HistoryEntry,
  headers: Record<string, string> = {},
): VideoStatusResult {
  // Entries from versions without `status` only exist once the run ended, with its outputs.
  const succeeded = entry.status == null || entry.status.status_str === 'success';
  if (!succeeded) return { status: 'failed', error: historyFailure(promptId, entry) };
  const video = findVideoOutput(entry.outputs);
  if (video == null) {
    return noOutput(
      `comfyui: prompt ${promptId} finished without a video output (add a SaveVideo or VHS_VideoCombine node)`,
    );
  }
  return {
    status: 'completed',
    videos: [
      {
        variant: 'video',
        kind: 'url',
        url: viewUrl(baseURL, video.file),
        mediaType: video.mediaType,
        // The operator configured this host (often a LAN address): the gateway may fetch from it,
        // with the same bearer key a proxy in front of ComfyUI wants.
        fromConfiguredOrigin: true,
        headers,
      },
    ],
    providerMetadata: { comfyui: { promptId, filename: video.file.filename } },
  };
}
