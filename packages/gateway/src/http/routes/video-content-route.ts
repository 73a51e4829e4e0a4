import { Readable } from 'node:stream';
import { GatewayError, InvalidRequestError, NotFoundError } from '@vgw/spec';
import type { Context } from 'hono';
import { markVideoDownloaded } from '../../db/video-downloads-repository.js';
import { findVideoFile } from '../../db/video-files-repository.js';
import { findVideo } from '../../db/videos-repository.js';
import type { AppDeps, AppEnv } from '../app-deps.js';
import { videoIdParam } from './video-id-param.js';

/** `c2pa` is vgw's: the sidecar manifest of a video whose label could not be embedded. */
const variants = ['video', 'thumbnail', 'spritesheet', 'c2pa'] as const;
type Variant = (typeof variants)[number];

const fileNames: Record<Variant, (id: string) => string> = {
  video: (id) => `${id}-video.mp4`,
  thumbnail: (id) => `${id}-thumbnail.jpg`,
  spritesheet: (id) => `${id}-spritesheet.jpg`,
  c2pa: (id) => `${id}-video.mp4.c2pa`,
};

/** Parses one `bytes=` range; null means "serve the whole file". Multi-range is not offered. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null {
  if (header == null) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match == null || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start > end || start >= size) {
    throw new GatewayError(`range ${header} is outside the ${size}-byte file`, {
      status: 416,
      code: 'range_not_satisfiable',
      param: 'Range',
    });
  }
  return { start, end };
}

export async function serveVideoContent(
  deps: AppDeps,
  context: Context<AppEnv>,
): Promise<Response> {
  const id = videoIdParam(context);
  const variant = (context.req.query('variant') ?? 'video') as Variant;
  if (!variants.includes(variant)) {
    throw new InvalidRequestError(`variant must be one of ${variants.join(', ')}`, 'variant');
  }
  const video = await findVideo(deps.database, context.get('projectId'), id);
  if (video == null) throw new NotFoundError(`no video with id "${id}"`, 'video_id');
  if (video.status !== 'completed') {
    throw new InvalidRequestError(
      `video ${id} is ${video.status}; content exists once it is completed`,
      'video_id',
      'video_not_ready',
    );
  }
  const file = await findVideoFile(deps.database, id, variant);
  const size = file != null ? await deps.store.size(file.sha256) : null;
  if (file == null || size == null)
    throw new NotFoundError(`video ${id} has no ${variant}`, 'variant');
  // RFC 9110: a 416 says how big the representation is, so a client can ask again.
  context.header('content-range', `bytes */${size}`);
  const range = parseRange(context.req.header('range'), size);
  context.header('content-range', undefined);
  const headers = new Headers({
    'content-type': file.mediaType,
    'accept-ranges': 'bytes',
    etag: `"${file.sha256}"`,
    'cache-control': 'private, max-age=31536000, immutable',
    'content-disposition': `inline; filename="${fileNames[variant](id)}"`,
  });
  const length = range != null ? range.end - range.start + 1 : size;
  headers.set('content-length', String(length));
  if (range != null) headers.set('content-range', `bytes ${range.start}-${range.end}/${size}`);
  const status = range != null ? 206 : 200;
  if (context.req.method === 'HEAD') return new Response(null, { status, headers });
  // A range counts too: players fetch a video in ranges, and any of them means it was wanted.
  if (variant === 'video') await markVideoDownloaded(deps.database, id);
  const stream = Readable.toWeb(
    deps.store.openRead(file.sha256, range ?? undefined),
  ) as ReadableStream;
  return new Response(stream, { status, headers });
}
