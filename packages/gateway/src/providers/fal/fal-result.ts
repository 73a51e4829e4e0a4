import type { VideoStatusResult } from '@vgw/spec';
import { ProviderHttpError } from '../../provider-http/provider-http.js';
import { noOutput } from '../../provider-http/video-status.js';
import type { ProviderSettings } from '../provider-definition.js';
import { falFailure } from './fal-error.js';
import { falRequest } from './fal-http.js';
import { falErrorBodySchema, falVideoResultSchema, type FalStatus } from './fal-schemas.js';

const withoutVideo = noOutput('fal completed without a video URL');

/**
 * Reads a COMPLETED request's output. A model error (422 `detail` list) fails the render; an
 * HTTP error on a request whose status carried no error is a missed check and is rethrown.
 */
export async function readFalResult(
  settings: ProviderSettings,
  url: string,
  status: FalStatus,
): Promise<VideoStatusResult> {
  let retryableHint = false;
  try {
    const result = await falRequest(settings, {
      method: 'GET',
      url,
      schema: falVideoResultSchema,
      onResponse: (response) => {
        retryableHint = response.headers.get('x-fal-retryable') === 'true';
      },
    });
    const video = result.video;
    if (video?.url == null || video.url === '') return withoutVideo;
    return {
      status: 'completed',
      videos: [
        {
          variant: 'video',
          kind: 'url',
          url: video.url,
          mediaType: video.content_type ?? 'video/mp4',
        },
      ],
    };
  } catch (error) {
    if (!(error instanceof ProviderHttpError)) throw error;
    const body = falErrorBodySchema.safeParse(error.body);
    if (!body.success) throw error;
    if (typeof body.data.detail === 'string' && /still in progress/i.test(body.data.detail)) {
      return { status: 'pending' };
    }
    const modelError = error.httpStatus === 422 || Array.isArray(body.data.detail);
    if (!modelError && status.error == null) throw error;
    return { status: 'failed', error: falFailure(body.data, retryableHint) };
  }
}
