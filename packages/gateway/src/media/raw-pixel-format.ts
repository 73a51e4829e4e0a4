/**
 * The ffmpeg `-pix_fmt` values we decode raw frames to. Named here, beside the other ffmpeg
 * helpers, so quality's frame stream and the tests' frame decoder agree on one list.
 */
export type RawPixelFormat = 'gray' | 'rgb24';

/** Bytes per pixel of each format, for sizing a raw frame. */
export const bytesPerPixel: Record<RawPixelFormat, number> = { gray: 1, rgb24: 3 };
