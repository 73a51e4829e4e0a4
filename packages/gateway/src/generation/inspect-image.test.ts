import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { defaultImageLimits, inspectImage } from './inspect-image.js';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const jpegSignature = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);

function solid(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 10 } } });
}

async function refusal(bytes: Uint8Array): Promise<{ message: string; param: unknown }> {
  try {
    await inspectImage(bytes);
  } catch (error) {
    return error as { message: string; param: unknown };
  }
  throw new Error('the image was accepted');
}

describe('inspectImage', () => {
  it('reads the type and size of real PNG, JPEG and WebP images', async () => {
    const png = await solid(64, 48).png().toBuffer();
    const jpeg = await solid(320, 240).jpeg().toBuffer();
    const webp = await solid(100, 50).webp().toBuffer();
    expect(await inspectImage(png)).toEqual({ mediaType: 'image/png', width: 64, height: 48 });
    expect(await inspectImage(jpeg)).toEqual({ mediaType: 'image/jpeg', width: 320, height: 240 });
    expect(await inspectImage(webp)).toEqual({ mediaType: 'image/webp', width: 100, height: 50 });
  });

  it.each([
    ['a PNG signature alone', pngSignature],
    ['a PNG signature and random bytes', Buffer.concat([pngSignature, randomBytes(4096)])],
    ['a JPEG signature and random bytes', Buffer.concat([jpegSignature, randomBytes(4096)])],
    ['text', Buffer.from('hello, not an image')],
  ])('refuses %s, naming input_reference', async (_name, bytes) => {
    const error = await refusal(bytes);
    expect(error.param).toBe('input_reference');
    expect(error.message).toMatch(/^input_reference /);
  });

  it('refuses a truncated PNG whose header is intact', async () => {
    const noisy = await sharp(randomBytes(256 * 256 * 3), {
      raw: { width: 256, height: 256, channels: 3 },
    })
      .png()
      .toBuffer();
    const error = await refusal(noisy.subarray(0, Math.floor(noisy.length / 2)));
    expect(error.param).toBe('input_reference');
  });

  it('refuses a blob past the byte limit without decoding it', async () => {
    const blob = Buffer.concat([pngSignature, Buffer.alloc(25 * 1024 * 1024)]);
    const error = await refusal(blob);
    expect(error.message).toContain(`at most ${defaultImageLimits.maxBytes} are accepted`);
  });

  it('refuses an image past the pixel limit from its header', async () => {
    const large = await solid(5000, 4000).png({ compressionLevel: 9 }).toBuffer();
    expect(large.length).toBeLessThan(defaultImageLimits.maxBytes);
    const error = await refusal(large);
    expect(error.message).toContain('5000x4000 (20000000 pixels)');
    const wide = await solid(9000, 16).png().toBuffer();
    expect((await refusal(wide)).message).toContain('at most 8192 pixels');
  });
});
