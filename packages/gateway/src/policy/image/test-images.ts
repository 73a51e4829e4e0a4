// Images the image checks' tests and benchmark screen, made at run time so nothing large or
// licensed is committed: plain fills, gradients, seeded noise, ffmpeg's test sources and the
// filters the local engine draws its scenes with, and the malformed inputs screening must refuse.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { bundledBinaryPaths } from '../../media/bundled-binaries.js';
import { runCommand } from '../../media/run-command.js';

/** Deterministic pseudo-random bytes (mulberry32), so "noise" is the same image every run. */
export function seededBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let index = 0; index < length; index += 1) {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed);
    bytes[index] = ((mixed ^ (mixed >>> 14)) >>> 0) & 0xff;
  }
  return bytes;
}

const rgb = (width: number, height: number) => ({ raw: { width, height, channels: 3 as const } });

export function solidPng(width: number, height: number, colour: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();
}

export function gradientPng(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * 3;
      pixels[offset] = Math.round((x * 255) / width);
      pixels[offset + 1] = Math.round((y * 255) / height);
      pixels[offset + 2] = 128;
    }
  }
  return sharp(pixels, rgb(width, height)).png().toBuffer();
}

export function noisePng(width: number, height: number, seed: number): Promise<Buffer> {
  return sharp(seededBytes(width * height * 3, seed), rgb(width, height))
    .png()
    .toBuffer();
}

/** One frame of an ffmpeg lavfi source (`testsrc2=s=1280x720`, `mandelbrot=...`) as a PNG. */
export async function lavfiPng(source: string): Promise<Buffer> {
  const { ffmpegPath } = bundledBinaryPaths();
  const result = await runCommand(
    ffmpegPath,
    [
      ...['-v', 'error', '-f', 'lavfi', '-i', source, '-frames:v', '1'],
      ...['-f', 'image2pipe', '-c:v', 'png', 'pipe:1'],
    ],
    { timeoutMs: 30_000 },
  );
  if (result.exitCode !== 0) throw new Error(`ffmpeg ${source}: ${result.stderr}`);
  return result.stdout;
}

/** A short H.264 MP4 of a test pattern, read back as bytes (a video offered as an image). */
export async function testVideo(source = 'testsrc2=s=320x240:r=10:d=1'): Promise<Buffer> {
  const { ffmpegPath } = bundledBinaryPaths();
  const directory = await mkdtemp(join(tmpdir(), 'vgw-test-video-'));
  try {
    const file = join(directory, 'clip.mp4');
    const result = await runCommand(
      ffmpegPath,
      ['-v', 'error', '-f', 'lavfi', '-i', source, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', file],
      { timeoutMs: 60_000 },
    );
    if (result.exitCode !== 0) throw new Error(`ffmpeg ${source}: ${result.stderr}`);
    return await readFile(file);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, checksum]);
}

/**
 * A real decompression bomb: a valid 1-bit greyscale PNG whose zero rows deflate ~1000:1, so
 * `side` 20000 is a ~50 KB file that decodes to 400 megapixels.
 */
export function decompressionBombPng(side = 20_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale; compression, filter and interlace stay 0
  const rowBytes = 1 + Math.ceil(side / 8);
  const pixels = deflateSync(Buffer.alloc(rowBytes * side), { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', pixels),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A small JPEG whose frame header claims `width` x `height`: what a decoder meets first, and all
 * a bomb needs (encoding a true 20000x20000 JPEG would take gigabytes here).
 */
export async function jpegClaiming(width: number, height: number): Promise<Buffer> {
  const jpeg = Buffer.from(
    await solidPng(64, 64, '#336699').then((png) => sharp(png).jpeg().toBuffer()),
  );
  for (let offset = 2; offset + 9 < jpeg.length; ) {
    const marker = jpeg[offset + 1] as number;
    if (marker >= 0xc0 && marker <= 0xc2) {
      jpeg.writeUInt16BE(height, offset + 5);
      jpeg.writeUInt16BE(width, offset + 7);
      return jpeg;
    }
    offset += 2 + jpeg.readUInt16BE(offset + 2);
  }
  throw new Error('no SOF marker in the JPEG sharp wrote');
}
