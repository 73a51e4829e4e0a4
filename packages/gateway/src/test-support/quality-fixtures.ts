import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundledBinaryPaths } from '../media/bundled-binaries.js';

const run = promisify(execFile);

/** temporal-metrics.md §4.3 recipes, scaled to 160×120 and 2 s so the suite stays fast. */
const encode = [
  '-c:v',
  'libx264',
  '-preset',
  'veryfast',
  '-crf',
  '18',
  '-pix_fmt',
  'yuv420p',
  '-an',
];
const mandelbrot = 'mandelbrot=size=160x120:rate=24';

export const fixtureRecipes: Record<string, (directory: string) => string[]> = {
  smooth: () => ['-f', 'lavfi', '-i', mandelbrot, '-t', '2', ...encode],
  flicker: (directory) => [
    ...['-i', join(directory, 'smooth.mp4')],
    ...['-vf', "eq=brightness='0.05*(2*mod(n\\,2)-1)':eval=frame", ...encode],
  ],
  jitter: () => [
    ...['-f', 'lavfi', '-i', 'mandelbrot=size=176x136:rate=24', '-t', '2'],
    ...['-vf', "crop=160:120:x='8+8*(random(1)-0.5)':y='8+8*(random(2)-0.5)'", ...encode],
  ],
  frozen: (directory) => [
    ...['-i', join(directory, 'smooth.mp4')],
    ...['-vf', 'select=eq(n\\,0),loop=loop=47:size=1:start=0,setpts=N/24/TB', '-r', '24'],
    ...encode,
  ],
  noisy: (directory) => [
    ...['-i', join(directory, 'smooth.mp4'), '-vf', 'noise=alls=25:allf=t', ...encode],
  ],
  drifting: (directory) => [
    ...['-i', join(directory, 'frozen.mp4'), '-vf', "hue=h='t*60'", ...encode],
  ],
  testsrc2: () => ['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=24', '-t', '2', ...encode],
  cut: () => [
    ...['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=24:duration=1'],
    ...['-t', '1', '-f', 'lavfi', '-i', mandelbrot],
    ...['-filter_complex', '[0:v][1:v]concat=n=2:v=1[out]', '-map', '[out]', ...encode],
  ],
  oneFrame: () => [
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=160x120:rate=24',
    '-frames:v',
    '1',
    ...encode,
  ],
};

export interface Fixtures {
  directory: string;
  ffmpegPath: string;
  ffprobePath: string;
  path: (name: string) => string;
  cleanup: () => Promise<void>;
}

export async function ffmpegToFile(
  ffmpegPath: string,
  args: string[],
  output: string,
): Promise<void> {
  await run(ffmpegPath, ['-hide_banner', '-loglevel', 'error', '-y', ...args, output]);
}

/** Makes the named fixtures (in order: later recipes may read earlier outputs) into a temp dir. */
export async function makeFixtures(names: readonly string[]): Promise<Fixtures> {
  const { ffmpegPath, ffprobePath } = bundledBinaryPaths();
  const directory = await mkdtemp(join(tmpdir(), 'vgw-quality-'));
  const path = (name: string): string => join(directory, `${name}.mp4`);
  for (const name of names) {
    const recipe = fixtureRecipes[name];
    if (recipe == null) throw new Error(`no fixture recipe ${name}`);
    await ffmpegToFile(ffmpegPath, recipe(directory), path(name));
  }
  return {
    directory,
    ffmpegPath,
    ffprobePath,
    path,
    cleanup: () => rm(directory, { recursive: true, force: true }),
  };
}

/** A y4m header claiming 12000×12000: ffprobe reads the size without any pixel data. */
export async function writeEnormousHeader(file: string): Promise<void> {
  const header = 'YUV4MPEG2 W12000 H12000 F24:1 Ip A1:1 C420jpeg\nFRAME\n';
  await writeFile(file, Buffer.concat([Buffer.from(header), Buffer.alloc(1000)]));
}
