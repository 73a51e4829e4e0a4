import { InvalidRequestError, type VideoCallOptions } from '@vgw/spec';
import { localCapabilities } from './local-models.js';

const capabilities = localCapabilities.local;

function inRange(value: number, min: number, max: number): boolean {
  return Number.isFinite(value) && value >= min && value <= max;
}

/**
 * The gateway checks requests against the capabilities before calling the engine; this repeats
 * the checks ffmpeg depends on (yuv420p needs even sizes, the frame count must be sane), so a
 * direct caller gets a 400 naming the field instead of a failed render.
 */
export function assertRenderable(options: VideoCallOptions): void {
  const { sizes, durations, fps } = capabilities;
  if (sizes.kind !== 'range' || durations.kind !== 'range' || !('min' in fps)) {
    throw new Error('local capabilities are expected to be ranges');
  }
  const { width, height } = options;
  const evenSize = Number.isInteger(width) && Number.isInteger(height) && width % 2 === 0;
  if (
    !evenSize ||
    height % 2 !== 0 ||
    !inRange(width, sizes.minWidth, sizes.maxWidth) ||
    !inRange(height, sizes.minHeight, sizes.maxHeight) ||
    (sizes.maxPixels != null && width * height > sizes.maxPixels)
  ) {
    throw new InvalidRequestError(
      `size ${width}x${height} is not an even size between ${sizes.minWidth}x${sizes.minHeight} ` +
        `and ${sizes.maxWidth}x${sizes.maxHeight} of at most ${sizes.maxPixels} pixels`,
      'size',
    );
  }
  if (!inRange(options.seconds, durations.min, durations.max)) {
    throw new InvalidRequestError(
      `seconds must be between ${durations.min} and ${durations.max}`,
      'seconds',
    );
  }
  if (!Number.isInteger(options.fps) || !inRange(options.fps, fps.min, fps.max)) {
    throw new InvalidRequestError(
      `fps must be an integer between ${fps.min} and ${fps.max}`,
      'fps',
    );
  }
  if (options.inputReference != null && !options.inputReference.mediaType.startsWith('image/')) {
    throw new InvalidRequestError('input_reference must be an image', 'input_reference');
  }
}
