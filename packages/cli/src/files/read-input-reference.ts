import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { fileError } from '../errors/cli-error.js';

const mediaTypes: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

/** The image to upload as `input_reference`; the gateway checks what the bytes really are. */
export async function readInputReference(cwd: string, path: string): Promise<File> {
  const absolute = resolve(cwd, path);
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    // A fresh copy: a Buffer may sit on a shared pool, which Blob parts cannot take.
    bytes = new Uint8Array(await readFile(absolute));
  } catch (error) {
    throw fileError('read', path, error);
  }
  const type = mediaTypes[extname(absolute).toLowerCase()] ?? 'application/octet-stream';
  return new File([bytes], basename(absolute), { type });
}
