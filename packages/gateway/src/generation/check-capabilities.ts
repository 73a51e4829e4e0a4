import {
  InvalidRequestError,
  type VideoCallOptions,
  type VideoCapabilities,
  type VideoWarning,
} from '@vgw/spec';

export interface RequestedParameters {
  prompt: string;
  seconds: number | null;
  size: string | null;
  fps: number | null;
  seed: number | null;
  hasInputReference: boolean;
}

/** What a request resolves to against a model's capabilities: the render's own parameters. */
export type ResolvedParameters = Pick<
  VideoCallOptions,
  'prompt' | 'seconds' | 'width' | 'height' | 'fps' | 'seed'
>;

function parseSize(size: string): { width: number; height: number } {
  const match = /^(\d{1,5})x(\d{1,5})$/.exec(size);
  if (match == null) {
    throw new InvalidRequestError(`size "${size}" is not WIDTHxHEIGHT, e.g. 1280x720`, 'size');
  }
  return { width: Number(match[1]), height: Number(match[2]) };
}

function resolveSeconds(
  requested: number | null,
  capabilities: VideoCapabilities,
  warnings: VideoWarning[],
): number {
  if (requested == null) return capabilities.defaultSeconds;
  const durations = capabilities.durations;
  if (durations.kind === 'range') {
    if (requested < durations.min || requested > durations.max) {
      throw new InvalidRequestError(
        `seconds must be between ${durations.min} and ${durations.max}, got ${requested}`,
        'seconds',
      );
    }
    const stepped = Math.round(requested / durations.step) * durations.step;
    if (stepped !== requested) {
      warnings.push({
        type: 'compatibility',
        param: 'seconds',
        requested: String(requested),
        used: String(stepped),
        message: `seconds rounded to the model's step of ${durations.step}`,
      });
    }
    return stepped;
  }
  if (durations.seconds.includes(requested)) return requested;
  const nearestAbove = [...durations.seconds]
    .sort((a, b) => a - b)
    .find((value) => value >= requested);
  if (nearestAbove == null) {
    throw new InvalidRequestError(
      `seconds must be one of ${durations.seconds.join(', ')}, got ${requested}`,
      'seconds',
    );
  }
  warnings.push({
    type: 'compatibility',
    param: 'seconds',
    requested: String(requested),
    used: String(nearestAbove),
    message: `the model renders ${durations.seconds.join('/')} s; ${requested} s became ${nearestAbove} s`,
  });
  return nearestAbove;
}

function resolveSize(requested: string | null, capabilities: VideoCapabilities) {
  const size = requested ?? capabilities.defaultSize;
  const { width, height } = parseSize(size);
  const sizes = capabilities.sizes;
  if (sizes.kind === 'set') {
    if (!sizes.values.includes(size)) {
      throw new InvalidRequestError(
        `size must be one of ${sizes.values.join(', ')}, got ${size}`,
        'size',
      );
    }
    return { width, height };
  }
  const fits =
    width >= sizes.minWidth &&
    height >= sizes.minHeight &&
    width <= sizes.maxWidth &&
    height <= sizes.maxHeight &&
    (sizes.maxPixels == null || width * height <= sizes.maxPixels);
  if (!fits || width % 2 !== 0 || height % 2 !== 0) {
    const pixels = sizes.maxPixels == null ? '' : ` and at most ${sizes.maxPixels} pixels`;
    throw new InvalidRequestError(
      `size must be even WIDTHxHEIGHT from ${sizes.minWidth}x${sizes.minHeight} to ` +
        `${sizes.maxWidth}x${sizes.maxHeight}${pixels}, got ${size}`,
      'size',
    );
  }
  return { width, height };
}

function resolveFps(requested: number | null, capabilities: VideoCapabilities): number {
  const fps = capabilities.fps;
  if (requested == null) return fps.default;
  const allowed =
    'values' in fps ? fps.values.includes(requested) : requested >= fps.min && requested <= fps.max;
  if (!allowed || !Number.isInteger(requested)) {
    const described = 'values' in fps ? fps.values.join(', ') : `${fps.min}-${fps.max}`;
    throw new InvalidRequestError(
      `fps must be an integer in ${described}, got ${requested}`,
      'fps',
    );
  }
  return requested;
}

/**
 * Compares a request with a model's capabilities before any adapter is called: a value the
 * model cannot serve is a 400 naming the parameter; a value it can serve approximately is
 * coerced with a `compatibility` warning; an ignored one gets an `unsupported` warning.
 */
export function checkCapabilities(
  requested: RequestedParameters,
  capabilities: VideoCapabilities,
): { parameters: ResolvedParameters; warnings: VideoWarning[] } {
  const warnings: VideoWarning[] = [];
  if (requested.prompt.trim().length === 0) {
    throw new InvalidRequestError('prompt must not be empty', 'prompt');
  }
  if (requested.prompt.length > capabilities.maxPromptLength) {
    throw new InvalidRequestError(
      `prompt is ${requested.prompt.length} characters; this model accepts at most ${capabilities.maxPromptLength}`,
      'prompt',
    );
  }
  if (requested.hasInputReference && !capabilities.imageInput) {
    throw new InvalidRequestError(
      'this model does not accept an input_reference image',
      'input_reference',
    );
  }
  if (!requested.hasInputReference && capabilities.imageRequired === true) {
    throw new InvalidRequestError(
      'this model renders from an image: send input_reference',
      'input_reference',
      'missing_required_parameter',
    );
  }
  const seconds = resolveSeconds(requested.seconds, capabilities, warnings);
  const { width, height } = resolveSize(requested.size, capabilities);
  const fps = resolveFps(requested.fps, capabilities);
  let seed = requested.seed;
  if (seed != null && !capabilities.seed) {
    warnings.push({ type: 'unsupported', param: 'seed', message: 'this model ignores seed' });
    seed = null;
  }
  return { parameters: { prompt: requested.prompt, seconds, width, height, fps, seed }, warnings };
}
