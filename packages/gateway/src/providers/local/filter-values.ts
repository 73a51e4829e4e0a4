import type { HashRandom } from './hash-random.js';

/** A decimal without exponent notation, so every ffmpeg version parses it the same way. */
export function decimal(value: number, digits = 4): string {
  return value.toFixed(digits);
}

/** Rounds down to an even number, at least 2: yuv420p needs even dimensions. */
export function even(value: number): number {
  return Math.max(2, Math.floor(value / 2) * 2);
}

function channel(value: number): string {
  return Math.round(Math.min(1, Math.max(0, value)) * 255)
    .toString(16)
    .padStart(2, '0');
}

/** A random saturated colour as ffmpeg's 0xRRGGBB, brightness within [minValue, maxValue]. */
export function randomColor(random: HashRandom, minValue: number, maxValue: number): string {
  const hue = random.between(0, 6);
  const saturation = random.between(0.55, 1);
  const value = random.between(minValue, maxValue);
  const chroma = value * saturation;
  const second = chroma * (1 - Math.abs((hue % 2) - 1));
  const sector = Math.floor(hue);
  const [red, green, blue] = (
    [
      [chroma, second, 0],
      [second, chroma, 0],
      [0, chroma, second],
      [0, second, chroma],
      [second, 0, chroma],
      [chroma, 0, second],
    ] as const
  )[sector] ?? [chroma, 0, 0];
  const base = value - chroma;
  return `0x${channel(red + base)}${channel(green + base)}${channel(blue + base)}`;
}

/** Splits 0xRRGGBB into 0–255 channels. */
export function colorChannels(color: string): [number, number, number] {
  const packed = Number.parseInt(color.slice(2), 16);
  return [(packed >> 16) & 0xff, (packed >> 8) & 0xff, packed & 0xff];
}
