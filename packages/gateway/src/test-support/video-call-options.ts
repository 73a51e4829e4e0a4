import type { VideoCallOptions } from '@vgw/spec';

const defaults: Omit<VideoCallOptions, 'prompt'> = {
  seconds: 5,
  width: 1280,
  height: 720,
  fps: 24,
  seed: null,
  inputReference: null,
  idempotencyKey: 'start-key-1',
  providerOptions: {},
};

/**
 * A builder of adapter call options: 5 s of 1280x720 at 24 fps with no seed or image, unless
 * `base` (a test file's own prompt and request) or a test's overrides say otherwise.
 */
export function callOptionsFrom(
  base: Partial<VideoCallOptions> & Pick<VideoCallOptions, 'prompt'>,
): (overrides?: Partial<VideoCallOptions>) => VideoCallOptions {
  return (overrides = {}) => ({ ...defaults, ...base, ...overrides });
}
