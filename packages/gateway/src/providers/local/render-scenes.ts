import { colorChannels, decimal, even, randomColor } from './filter-values.js';
import type { HashRandom } from './hash-random.js';
import type { SceneName } from './local-options.js';

export interface SceneFrame {
  width: number;
  height: number;
  fps: number;
  seconds: number;
  totalFrames: number;
}

/** Builds a filtergraph fragment with no inputs whose last pad is labelled `[output]`. */
export type SceneBuilder = (frame: SceneFrame, random: HashRandom, output: string) => string;

const maxSeed = 2 ** 31 - 1;

/** A slow hue rotation keeps every pixel's colour moving; it touches only the chroma planes. */
function hueRotation(random: HashRandom): string {
  const start = decimal(random.between(0, 360), 1);
  const speed = decimal(random.between(12, 40), 2);
  const sign = random.fraction() < 0.5 ? '-' : '+';
  return `hue=h='${start}${sign}${speed}*t'`;
}

/**
 * A spinning square on a Lissajous path. Sources, rotation and blending all work on the small
 * square only, so the cost does not grow with the frame size.
 */
function movingShape(frame: SceneFrame, random: HashRandom, base: string, output: string): string {
  const side = even(Math.min(frame.width, frame.height) * random.between(0.16, 0.3));
  const box = even(side * 1.42) + 2;
  const color = randomColor(random, 0.75, 1);
  const spin = decimal(random.between(0.5, 2.5) * (random.fraction() < 0.5 ? -1 : 1));
  const path = (size: number, extent: number): string => {
    const centre = Math.max(0, (extent - size) / 2);
    const amplitude = decimal(centre * random.between(0.6, 0.95), 1);
    const frequency = decimal(random.between(0.6, 1.8));
    const phase = decimal(random.between(0, 2 * Math.PI));
    return `'${decimal(centre, 1)}+${amplitude}*sin(${frequency}*t+${phase})'`;
  };
  const shape = `${output}_shape`;
  return (
    `color=c=${color}:s=${side}x${side}:r=${frame.fps},format=yuva420p,` +
    `rotate=a='${spin}*t':ow=${box}:oh=${box}:c=black@0[${shape}];` +
    `[${base}][${shape}]overlay=x=${path(box, frame.width)}:y=${path(box, frame.height)}[${output}]`
  );
}

/** Conway's life on a coarse grid, scaled up with hard edges, plus a moving shape. */
const lifeScene: SceneBuilder = (frame, random, output) => {
  const cell = random.pick([6, 8, 10, 12]);
  const columns = Math.max(8, Math.ceil(frame.width / cell));
  const rows = Math.max(8, Math.ceil(frame.height / cell));
  const background = `${output}_life`;
  return (
    `life=s=${columns}x${rows}:rate=${frame.fps}:seed=${random.integer(0, maxSeed)}` +
    `:ratio=${decimal(random.between(0.2, 0.6), 3)}:mold=${random.integer(4, 24)}` +
    `:life_color=${randomColor(random, 0.8, 1)}:death_color=${randomColor(random, 0.1, 0.3)}` +
    `:mold_color=${randomColor(random, 0.3, 0.6)},` +
    `scale=${frame.width}:${frame.height}:flags=neighbor,format=yuv420p,${hueRotation(random)}` +
    `[${background}];${movingShape(frame, random, background, output)}`
  );
};

/** An elementary cellular automaton that scrolls one row per frame, tinted, plus a shape. */
const cellautoScene: SceneBuilder = (frame, random, output) => {
  const cell = random.pick([3, 4, 5, 6]);
  const columns = Math.max(8, Math.ceil(frame.width / cell));
  const rows = Math.max(8, Math.ceil(frame.height / cell));
  const dead = colorChannels(randomColor(random, 0.05, 0.3));
  const alive = colorChannels(randomColor(random, 0.7, 1));
  // cellauto draws 0 or 255; this maps them linearly onto the two colours.
  const tint = (index: 0 | 1 | 2, name: string): string =>
    `${name}='${dead[index]}+val*${decimal((alive[index] - dead[index]) / 255, 5)}'`;
  const background = `${output}_cells`;
  return (
    `cellauto=s=${columns}x${rows}:rate=${frame.fps}:seed=${random.integer(0, maxSeed)}` +
    `:rule=${random.pick([18, 22, 30, 45, 54, 60, 73, 90, 105, 110, 122, 126, 150])}` +
    `:ratio=${decimal(random.between(0.3, 0.7), 3)}:scroll=1:full=1,format=rgb24,` +
    `lutrgb=${tint(0, 'r')}:${tint(1, 'g')}:${tint(2, 'b')},` +
    `scale=${frame.width}:${frame.height}:flags=neighbor,format=yuv420p,${hueRotation(random)}` +
    `[${background}];${movingShape(frame, random, background, output)}`
  );
};

const mandelbrotPoints: readonly (readonly [number, number])[] = [
  [-0.743643887037151, 0.13182590420533],
  [-0.101096363845, 0.956286510809],
  [-1.250660001, 0.020120025],
  [-0.745288, 0.113008],
  [0.001643721971153, -0.822467633298876],
  [-0.235125, 0.827215],
  [-1.768778833, -0.001738996],
  [0.281717921930775, 0.5771052841488505],
];

/** A zoom into the Mandelbrot set, rendered at half size (it is the costly part) and scaled up. */
const mandelbrotScene: SceneBuilder = (frame, random, output) => {
  const [x, y] = random.pick(mandelbrotPoints);
  const startScale = random.between(2.5, 3.5);
  const zoomPerSecond = random.between(0.6, 1.2);
  const endScale = Math.max(1e-6, startScale * 2 ** (-zoomPerSecond * frame.seconds));
  const width = even(Math.max(32, frame.width / 2));
  const height = even(Math.max(32, frame.height / 2));
  return (
    `mandelbrot=s=${width}x${height}:rate=${frame.fps}:maxiter=256` +
    `:start_x=${decimal(x, 15)}:start_y=${decimal(y, 15)}` +
    `:start_scale=${decimal(startScale, 6)}:end_scale=${decimal(endScale, 12)}` +
    `:end_pts=${frame.totalFrames},` +
    `scale=${frame.width}:${frame.height}:flags=bicubic,format=yuv420p,${hueRotation(random)}` +
    `[${output}]`
  );
};

/** Three spinning squares on their own paths over a colour-cycling background. */
const orbitsScene: SceneBuilder = (frame, random, output) => {
  const background = `${output}_bg`;
  const first = `${output}_o1`;
  const second = `${output}_o2`;
  return (
    `color=c=${randomColor(random, 0.15, 0.45)}:s=${frame.width}x${frame.height}` +
    `:r=${frame.fps},format=yuv420p,${hueRotation(random)}[${background}];` +
    `${movingShape(frame, random, background, first)};` +
    `${movingShape(frame, random, first, second)};` +
    movingShape(frame, random, second, output)
  );
};

export const sceneBuilders: Record<SceneName, SceneBuilder> = {
  life: lifeScene,
  cellauto: cellautoScene,
  mandelbrot: mandelbrotScene,
  orbits: orbitsScene,
};
