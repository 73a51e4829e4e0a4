import type { VideoFile, VideoStatusResult } from '@vgw/spec';
import { noOutput, renderLimitSeconds, upstreamTimeout } from '../../provider-http/video-status.js';
import { downloadContent } from './openai-content-download.js';
import { videoFailure } from './openai-error.js';
import type { VideoObject } from './openai-schemas.js';
import type { OpenaiSettings } from './openai-settings.js';

/** Past the render budget: OpenAI cannot cancel, so the job is only abandoned, not stopped. */
export function timedOut(maxRenderMs: number, detail: string): VideoStatusResult {
  return upstreamTimeout(
    `OpenAI did not finish the video within ${renderLimitSeconds(maxRenderMs)} s${detail}` +
      ' (OpenAI has no cancel endpoint; the render may still complete and be billed)',
  );
}

/** The thumbnail is a courtesy: any trouble fetching it leaves the video without one. */
async function thumbnailFile(settings: OpenaiSettings, videoId: string): Promise<VideoFile | null> {
  try {
    const thumbnail = await downloadContent(settings, videoId, 'thumbnail');
    if (thumbnail.kind === 'missing') return null;
    return {
      variant: 'thumbnail',
      kind: 'file',
      path: thumbnail.path,
      mediaType: thumbnail.mediaType,
    };
  } catch (error) {
    settings.logger.warn({ videoId, error: String(error) }, 'openai thumbnail download failed');
    return null;
  }
}

/**
 * A completed or failed video. The output is not a URL but `GET /videos/{id}/content`, which
 * needs the key, so the adapter downloads it and hands the gateway local files.
 */
export async function finishedStatus(
  settings: OpenaiSettings,
  video: VideoObject,
): Promise<VideoStatusResult> {
  if (video.status === 'failed') return { status: 'failed', error: videoFailure(video) };
  const main = await downloadContent(settings, video.id, 'video');
  if (main.kind === 'missing') return noOutput(`OpenAI completed without a video: ${main.message}`);
  const videos: VideoFile[] = [
    { variant: 'video', kind: 'file', path: main.path, mediaType: main.mediaType },
  ];
  const thumbnail = await thumbnailFile(settings, video.id);
  if (thumbnail != null) videos.push(thumbnail);
  return {
    status: 'completed',
    videos,
    providerMetadata: {
      openai: {
        videoId: video.id,
        model: video.model,
        ...(video.expires_at != null ? { expiresAt: video.expires_at } : {}),
      },
    },
  };
}
