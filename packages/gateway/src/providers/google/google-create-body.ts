import { readFile } from 'node:fs/promises';
import { InvalidRequestError, type JSONObject, type VideoCallOptions } from '@vgw/spec';
import { veoSizeParameters } from './google-models.js';
import type { GoogleOptions } from './google-options.js';

/** The one resolution that renders every length; 1080p renders only 8 s [UNVERIFIED, Gemini docs]. */
const everyLengthResolution = '720p';
const highResolutionSeconds = 8;

async function imageInstance(options: VideoCallOptions): Promise<JSONObject | null> {
  if (options.inputReference == null) return null;
  const bytes = await readFile(options.inputReference.path);
  // The Gemini API takes inline bytes only (gcsUri is Vertex-only).
  return {
    bytesBase64Encoded: bytes.toString('base64'),
    mimeType: options.inputReference.mediaType,
  };
}

/**
 * The `predictLongRunning` body of providers.md §5.1: one instance (prompt, optional first-frame
 * image) and the parameters. `sampleCount` is pinned to 1: the gateway stores one video per
 * request and Google bills every sample.
 */
export async function buildCreateBody(
  options: VideoCallOptions,
  googleOptions: GoogleOptions,
): Promise<JSONObject> {
  const size = `${options.width}x${options.height}`;
  const shape = veoSizeParameters[size];
  if (shape == null) throw new InvalidRequestError(`Veo cannot render ${size}`, 'size');
  if (shape.resolution !== everyLengthResolution && options.seconds !== highResolutionSeconds) {
    throw new InvalidRequestError(
      `Veo renders ${shape.resolution} (${size}) only at ${highResolutionSeconds} s; ` +
        `use seconds=${highResolutionSeconds} or a 720p size`,
      'seconds',
    );
  }
  const instance: JSONObject = { prompt: options.prompt };
  const image = await imageInstance(options);
  if (image != null) instance.image = image;
  const parameters: JSONObject = {
    aspectRatio: shape.aspectRatio,
    resolution: shape.resolution,
    durationSeconds: options.seconds,
    sampleCount: 1,
  };
  if (googleOptions.negativePrompt != null)
    parameters.negativePrompt = googleOptions.negativePrompt;
  if (googleOptions.personGeneration != null) {
    parameters.personGeneration = googleOptions.personGeneration;
  }
  return { instances: [instance], parameters };
}
