import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from 'hono';

/** What `POST /v1/videos` accepted, before validation. */
export interface CreateFields {
  prompt: string | null;
  model: string;
  seconds: string;
  size: string;
  /** The reference image, saved to a local file for the renderer. */
  imagePath: string | null;
}

export const emulatedModels: Record<string, string[]> = {
  'sora-2': ['720x1280', '1280x720'],
  'sora-2-pro': ['720x1280', '1280x720', '1024x1792', '1792x1024', '1080x1920', '1920x1080'],
};
for (const snapshot of ['sora-2-2025-10-06', 'sora-2-2025-12-08']) {
  emulatedModels[snapshot] = emulatedModels['sora-2'] as string[];
}
emulatedModels['sora-2-pro-2025-10-06'] = emulatedModels['sora-2-pro'] as string[];

export const emulatedSeconds = ['4', '8', '12', '16', '20'];

async function saveImage(bytes: Uint8Array, mediaType: string): Promise<string> {
  const directory = join(tmpdir(), 'vgw-openai-emulator');
  await mkdir(directory, { recursive: true });
  const extension =
    mediaType === 'image/jpeg' ? 'jpg' : mediaType === 'image/webp' ? 'webp' : 'png';
  const path = join(directory, `${randomUUID()}.${extension}`);
  await writeFile(path, bytes);
  return path;
}

/** `input_reference.image_url` as a data URL; remote URLs are not fetched by the emulator. */
async function imageFromDataUrl(value: unknown): Promise<string | null> {
  if (typeof value !== 'string') return null;
  const match = /^data:(image\/[a-z]+);base64,(.+)$/.exec(value);
  if (match == null) return null;
  return saveImage(Buffer.from(match[2] as string, 'base64'), match[1] as string);
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

async function fromMultipart(context: Context): Promise<CreateFields> {
  const body = await context.req.parseBody();
  const reference = body['input_reference'];
  let imagePath: string | null = null;
  if (reference instanceof File) {
    imagePath = await saveImage(new Uint8Array(await reference.arrayBuffer()), reference.type);
  } else {
    imagePath = await imageFromDataUrl(body['input_reference[image_url]']);
  }
  return {
    prompt: text(body['prompt']),
    model: text(body['model']) ?? 'sora-2',
    seconds: text(body['seconds']) ?? '4',
    size: text(body['size']) ?? '720x1280',
    imagePath,
  };
}

async function fromJson(context: Context): Promise<CreateFields | null> {
  const body = (await context.req.json().catch(() => null)) as Record<string, unknown> | null;
  if (body == null || typeof body !== 'object') return null;
  const reference = body['input_reference'] as Record<string, unknown> | null | undefined;
  return {
    prompt: text(body['prompt']),
    model: text(body['model']) ?? 'sora-2',
    seconds: text(body['seconds']) ?? '4',
    size: text(body['size']) ?? '720x1280',
    imagePath: await imageFromDataUrl(reference?.['image_url']),
  };
}

/** Reads a create body the way OpenAI accepts it: multipart/form-data or JSON. Null: unreadable. */
export async function readCreateFields(context: Context): Promise<CreateFields | null> {
  const type = context.req.header('content-type') ?? '';
  if (
    type.startsWith('multipart/form-data') ||
    type.startsWith('application/x-www-form-urlencoded')
  ) {
    return fromMultipart(context);
  }
  return fromJson(context);
}
