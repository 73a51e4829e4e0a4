import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  decodeScreeningImage,
  defaultScreeningImageLimits,
  type ScreeningImageLimits,
} from './decode-screening-image.js';
import {
  decompressionBombPng,
  jpegClaiming,
  noisePng,
  seededBytes,
  testVideo,
} from './test-images.js';
import { UnsafeImageError } from './unsafe-image-error.js';

async function refusal(bytes: Uint8Array, limits?: ScreeningImageLimits) {
  const error = await decodeScreeningImage(bytes, limits).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UnsafeImageError);
  return error as UnsafeImageError;
}

let photo: Buffer;
let jpeg: Buffer;

beforeAll(async () => {
  photo = await noisePng(320, 200, 1);
  jpeg = await sharp(photo).jpeg({ quality: 80 }).toBuffer();
});

describe('decodeScreeningImage: what it reads', () => {
  it('decodes a PNG to an RGB working copy no larger than 512 pixels a side', async () => {
    const big = await sharp(photo).resize(1280, 800).png().toBuffer();
    const image = await decodeScreeningImage(big);
    expect(image).toMatchObject({ format: 'png', width: 1280, height: 800 });
    expect([image.pixelWidth, image.pixelHeight]).toEqual([512, 320]);
    expect(image.pixels.length).toBe(512 * 320 * 3);
    expect(image.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps small images at their size, and reads JPEG and WebP', async () => {
    expect(await decodeScreeningImage(jpeg)).toMatchObject({
      format: 'jpeg',
      pixelWidth: 320,
      pixelHeight: 200,
    });
    const webp = await sharp(photo).webp().toBuffer();
    expect((await decodeScreeningImage(webp)).format).toBe('webp');
  });

  it('turns greyscale, 16-bit and transparent images into 8-bit RGB', async () => {
    const grey = await sharp(photo).greyscale().png().toBuffer();
    const deep = await sharp(photo).png({ palette: false }).toColourspace('rgb16').toBuffer();
    const transparent = await sharp(photo).ensureAlpha(0.5).png().toBuffer();
    for (const bytes of [grey, deep, transparent]) {
      const image = await decodeScreeningImage(bytes);
      expect(image.pixels.length).toBe(image.pixelWidth * image.pixelHeight * 3);
    }
  });

  it('decodes the same bytes once for every check that asks', () => {
    expect(decodeScreeningImage(jpeg)).toBe(decodeScreeningImage(jpeg));
    expect(decodeScreeningImage(jpeg)).not.toBe(
      decodeScreeningImage(jpeg, { ...defaultScreeningImageLimits }),
    );
  });
});

describe('decodeScreeningImage: what it refuses', () => {
  it('refuses a decompression bomb from its header: a ~50 KB PNG of 20000x20000', async () => {
    const bomb = decompressionBombPng(20_000);
    expect(bomb.length).toBeLessThan(100_000);
    const error = await refusal(bomb);
    expect(error.reason).toBe('too_many_pixels');
    expect(error.detail).toBe('is 20000x20000; each side may be at most 8192 pixels');
  });

  it('refuses a PNG within the side limit but over the pixel limit', async () => {
    const error = await refusal(decompressionBombPng(8000));
    expect(error.detail).toBe('is 8000x8000 (64000000 pixels); at most 16777216 are accepted');
  });

  it('refuses a 20000x20000 JPEG', async () => {
    const error = await refusal(await jpegClaiming(20_000, 20_000));
    expect(error.reason).toBe('too_many_pixels');
    expect(error.message).toMatch(/^image is 20000x20000/);
  });

  it('keeps libvips to its own pixel limit when a caller sets a lower one', async () => {
    const error = await refusal(photo, { ...defaultScreeningImageLimits, maxPixels: 1000 });
    expect(error.reason).toBe('too_many_pixels');
  });

  it('refuses binary garbage and names the formats it takes', async () => {
    const error = await refusal(seededBytes(4096, 9));
    expect(error.reason).toBe('unsupported_type');
    expect(error.detail).toBe('must be a PNG, JPEG or WebP image');
  });

  it('refuses garbage behind a PNG signature', async () => {
    const fake = Buffer.concat([photo.subarray(0, 8), seededBytes(4096, 3)]);
    expect((await refusal(fake)).reason).toBe('undecodable');
  });

  it('refuses a video given as the image, saying it is a video', async () => {
    const error = await refusal(await testVideo());
    expect(error.reason).toBe('unsupported_type');
    expect(error.detail).toMatch(/^is a video, not an image/);
  });

  it('refuses an SVG: no vector renderer is reached', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect((await refusal(svg)).reason).toBe('unsupported_type');
  });

  it('refuses truncated PNG and JPEG files', async () => {
    for (const whole of [photo, jpeg]) {
      const error = await refusal(whole.subarray(0, Math.floor(whole.length / 2)));
      expect(error.reason).toBe('undecodable');
    }
  });

  it('refuses more bytes than the limit before reading them', async () => {
    const error = await refusal(photo, { ...defaultScreeningImageLimits, maxBytes: 1000 });
    expect(error.reason).toBe('too_large');
    expect(error.detail).toBe(`is ${photo.length} bytes; at most 1000 are accepted`);
  });
});
