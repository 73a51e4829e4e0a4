import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { VideoVariant } from '@vgw/spec';
import { Hono } from 'hono';
import type { EmulatedJob, EmulatedRenderer } from './emulated-renderer.js';
import type { OnceLedger } from './emulator-triggers.js';

export interface EmulatorContext {
  renderer: EmulatedRenderer;
  /** The key clients must send, in the provider's own auth scheme. */
  apiKey: string;
  /** Where this emulator listens, e.g. http://127.0.0.1:4010 (known once it is listening). */
  baseURL(): string;
  now: () => number;
  once: OnceLedger;
}

export interface EmulatorDefinition {
  provider: string;
  /** Mounted at the emulator's root: the provider's own paths. */
  createApp(context: EmulatorContext): Hono;
}

const mediaTypes: Record<VideoVariant, string> = {
  video: 'video/mp4',
  thumbnail: 'image/jpeg',
  spritesheet: 'image/jpeg',
};

/** The output URL an emulator hands out, or the broken one a trigger asks for. */
export function outputUrl(
  context: EmulatorContext,
  job: EmulatedJob,
  variant: VideoVariant = 'video',
): string | null {
  if (job.triggers.has('no-url')) return null;
  if (job.triggers.has('loopback-url')) return 'http://127.0.0.1:1/internal/video.mp4';
  if (job.triggers.has('metadata-url')) return 'http://169.254.169.254/latest/meta-data/video.mp4';
  return `${context.baseURL()}/__emulator/files/${job.id}/${variant}`;
}

/** Serves rendered files, like a provider's CDN (no auth: real CDN URLs are signed, not keyed). */
export function fileRoutes(renderer: EmulatedRenderer): Hono {
  const routes = new Hono();
  routes.get('/__emulator/files/:id/:variant', (context) => {
    const job = renderer.get(context.req.param('id'));
    const variant = context.req.param('variant') as VideoVariant;
    const path = job?.files[variant];
    if (path == null) return context.json({ error: 'no such file' }, 404);
    const stream = Readable.toWeb(createReadStream(path)) as ReadableStream;
    return new Response(stream, { headers: { 'content-type': mediaTypes[variant] } });
  });
  return routes;
}

/**
 * Reads a size like 1280x720, or a ratio like 16:9 / 1280:720, into a small render of that shape
 * (long side at most 640 px): an emulator proves the pipeline, not pixels.
 */
export function renderSize(
  value: string | null | undefined,
  fallback = { width: 640, height: 360 },
) {
  const size = value != null ? /^(\d+(?:\.\d+)?)[x:](\d+(?:\.\d+)?)$/.exec(value) : null;
  if (size == null) return fallback;
  const width = Number(size[1]);
  const height = Number(size[2]);
  if (!(width > 0 && height > 0)) return fallback;
  const longSide = Math.min(640, Math.max(width, height) >= 64 ? Math.max(width, height) : 640);
  const scale = longSide / Math.max(width, height);
  const even = (number: number) => Math.max(64, Math.round((number * scale) / 2) * 2);
  return { width: even(width), height: even(height) };
}
