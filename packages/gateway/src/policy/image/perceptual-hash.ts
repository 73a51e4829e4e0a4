import sharp from 'sharp';

const sampleSide = 32;
const lowSide = 8;

// The cosine table exactly as sharp-phash 2.2.0 builds it, so every product rounds the same.
const cosines: number[][] = Array.from({ length: sampleSide }, (_, k) =>
  Array.from({ length: sampleSide }, (_, n) =>
    Math.cos(((2 * k + 1) / (2.0 * sampleSide)) * n * Math.PI),
  ),
);

/** DCT-II coefficient (u, v) of the 32x32 signal, summed in sharp-phash's order. */
function coefficient(signal: readonly Float64Array[], u: number, v: number): number {
  let sum = 0;
  for (let i = 0; i < sampleSide; i += 1) {
    const row = signal[i] as Float64Array;
    const cosineU = (cosines[i] as number[])[u] as number;
    for (let j = 0; j < sampleSide; j += 1) {
      sum += cosineU * ((cosines[j] as number[])[v] as number) * (row[j] as number);
    }
  }
  // u and v are at least 1 here, where sharp-phash's scale factor is 1 * 1 / 4.
  return sum * (1 / 4);
}

/**
 * sharp-phash 2.2.0's 64-bit DCT hash, bit for bit, as a string of 64 "0"/"1": the same sharp
 * pipeline (greyscale, 32x32 fill), then only the 8x8 low frequencies it keeps. sharp-phash
 * computes all 1024 coefficients (a million products, ~3 ms on the main thread) to read 64.
 */
export async function perceptualHashBits(
  pixels: Buffer,
  raw: { width: number; height: number; channels: 3 },
): Promise<string> {
  const data = await sharp(pixels, { raw })
    .greyscale()
    .resize(sampleSide, sampleSide, { fit: 'fill' })
    .rotate()
    .raw()
    .toBuffer();
  // signal[x][y] is the sample at column x, row y, as sharp-phash lays it out.
  const signal = Array.from({ length: sampleSide }, (_, x) => {
    const column = new Float64Array(sampleSide);
    for (let y = 0; y < sampleSide; y += 1) column[y] = data[sampleSide * y + x] as number;
    return column;
  });
  const low: number[] = [];
  let total = 0;
  for (let x = 0; x < lowSide; x += 1) {
    for (let y = 0; y < lowSide; y += 1) {
      const value = coefficient(signal, x + 1, y + 1);
      low.push(value);
      total += value;
    }
  }
  const average = total / (lowSide * lowSide);
  return low.map((value) => (value > average ? '1' : '0')).join('');
}
