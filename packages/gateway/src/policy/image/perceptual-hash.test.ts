import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import phash from 'sharp-phash';
import { perceptualHashBits } from './perceptual-hash.js';
import { gradientPng, lavfiPng, noisePng, solidPng } from './test-images.js';

async function rawOf(png: Buffer) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, raw: { width: info.width, height: info.height, channels: 3 as const } };
}

describe('perceptualHashBits', () => {
  it('gives sharp-phash 2.2.0 hashes bit for bit, so known-hash lists keep matching', async () => {
    const images = [
      await lavfiPng('testsrc2=s=512x288'),
      await lavfiPng('mandelbrot=s=320x240'),
      await noisePng(97, 61, 3),
      await gradientPng(512, 288),
      await solidPng(64, 64, '#808080'),
    ];
    for (const png of images) {
      const { data, raw } = await rawOf(png);
      const bits = await perceptualHashBits(data, raw);
      expect(bits).toMatch(/^[01]{64}$/);
      expect(bits).toBe(await phash(data, { raw }));
    }
  });

  it('tells different images apart', async () => {
    const first = await rawOf(await noisePng(64, 64, 1));
    const second = await rawOf(await lavfiPng('testsrc2=s=320x240'));
    expect(await perceptualHashBits(first.data, first.raw)).not.toBe(
      await perceptualHashBits(second.data, second.raw),
    );
  });
});
