import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { ProviderApiError, type VideoVariant } from '@vgw/spec';
import { createValidatedFetch } from '../../net/validated-fetch.js';
import { contentHttpError } from './openai-http-error.js';
import { openaiProviderName } from './openai-models.js';
import type { OpenaiSettings } from './openai-settings.js';

export type ContentDownload =
  | { kind: 'saved'; path: string; mediaType: string }
  | { kind: 'missing'; message: string };

const maxRedirects = 5;

function unreachable(error: unknown): ProviderApiError {
  if (error instanceof ProviderApiError) return error;
  return new ProviderApiError(
    openaiProviderName,
    `video download failed: ${(error as Error).message}`,
    { code: 'provider_unreachable', retryable: true, cause: error },
  );
}

/**
 * GET of a content URL. Redirects within the API's own origin keep the key; a redirect anywhere
 * else (a CDN) is followed without the key and only to public addresses, like any output URL.
 */
async function openContent(settings: OpenaiSettings, url: string): Promise<Response> {
  const apiOrigin = new URL(settings.apiRoot).origin;
  let target = new URL(url);
  for (let hop = 0; hop <= maxRedirects; hop += 1) {
    if (target.origin !== apiOrigin) {
      const validated = createValidatedFetch({ fetch: settings.fetch, maxRedirects });
      return validated(target.toString(), { headers: { accept: 'application/binary' } });
    }
    const response = await settings.fetch(target.toString(), {
      headers: { authorization: `Bearer ${settings.apiKey ?? ''}`, accept: 'application/binary' },
      redirect: 'manual',
    });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || location == null) return response;
    await response.body?.cancel();
    target = new URL(location, target);
  }
  throw new ProviderApiError(openaiProviderName, `more than ${maxRedirects} redirects`, {
    code: 'unsafe_url',
    retryable: false,
  });
}

async function streamToFile(body: ReadableStream<Uint8Array>, path: string): Promise<number> {
  const partial = `${path}.${randomUUID()}.partial`;
  try {
    await pipeline(
      Readable.fromWeb(body as unknown as NodeReadableStream<Uint8Array>),
      createWriteStream(partial),
    );
    await rename(partial, path);
    return (await stat(path)).size;
  } catch (error) {
    await rm(partial, { force: true });
    throw new ProviderApiError(
      openaiProviderName,
      `saving the video download failed: ${(error as Error).message}`,
      { code: 'download_failed', retryable: true, cause: error },
    );
  }
}

function fileName(videoId: string, variant: VideoVariant, mediaType: string): string {
  const extension =
    variant === 'video' ? 'mp4' : (/^image\/(jpeg|png|webp)$/.exec(mediaType)?.[1] ?? 'jpg');
  return `${videoId}.${variant}.${extension === 'jpeg' ? 'jpg' : extension}`;
}

/**
 * Downloads one variant of a finished video with the API key (the gateway's own download is a
 * plain GET without credentials, so a `/content` URL cannot be handed to it) and streams it into
 * `downloadDir`. The name is fixed per video and variant, so a repeated check overwrites rather
 * than accumulates.
 */
export async function downloadContent(
  settings: OpenaiSettings,
  videoId: string,
  variant: VideoVariant,
): Promise<ContentDownload> {
  const url = `${settings.apiRoot}/videos/${encodeURIComponent(videoId)}/content?variant=${variant}`;
  let response: Response;
  try {
    response = await openContent(settings, url);
  } catch (error) {
    throw unreachable(error);
  }
  if (response.status === 404) {
    await response.body?.cancel();
    return { kind: 'missing', message: `OpenAI has no ${variant} content for ${videoId} (404)` };
  }
  if (!response.ok) throw await contentHttpError(response);
  if (response.body == null) return { kind: 'missing', message: `empty ${variant} download` };
  const fallback = variant === 'video' ? 'video/mp4' : 'image/jpeg';
  const declared = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
  const mediaType = variant === 'video' || !declared.startsWith('image/') ? fallback : declared;
  await mkdir(settings.downloadDir, { recursive: true });
  const path = join(settings.downloadDir, fileName(videoId, variant, mediaType));
  const bytes = await streamToFile(response.body, path);
  if (bytes === 0) {
    await rm(path, { force: true });
    return { kind: 'missing', message: `OpenAI sent an empty ${variant} for ${videoId}` };
  }
  return { kind: 'saved', path, mediaType };
}

/** Removes every downloaded variant of a video once the gateway has stored its own copies. */
export async function removeDownloads(downloadDir: string, videoId: string): Promise<void> {
  const names = await readdir(downloadDir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => name.startsWith(`${videoId}.`))
      .map((name) => rm(join(downloadDir, name), { force: true })),
  );
}
