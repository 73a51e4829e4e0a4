/** A predictLongRunning body as the emulator reads it, or why Google would answer 400. */
export type CreateRequest =
  | {
      prompt: string;
      seconds: number;
      size: string;
      image: { bytesBase64Encoded: string; mimeType: string } | null;
    }
  | { invalid: string };

const veoDurations = [4, 6, 8];
const dimensions: Record<string, Record<string, string>> = {
  '16:9': { '720p': '1280x720', '1080p': '1920x1080', '4k': '3840x2160' },
  '9:16': { '720p': '720x1280', '1080p': '1080x1920', '4k': '2160x3840' },
};

function record(value: unknown): Record<string, unknown> {
  return value != null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function imageOf(value: unknown) {
  const { bytesBase64Encoded, mimeType } = record(value);
  if (typeof bytesBase64Encoded !== 'string' || typeof mimeType !== 'string') return null;
  return { bytesBase64Encoded, mimeType };
}

/** Checks what Veo checks: a prompt, 4/6/8 s, a known ratio × resolution, 8 s above 720p. */
export function readCreateRequest(body: unknown): CreateRequest {
  const instances = record(body).instances;
  const instance = record(Array.isArray(instances) ? instances[0] : null);
  const prompt = instance.prompt;
  if (typeof prompt !== 'string' || prompt === '') {
    return { invalid: 'instances[0].prompt is required' };
  }
  const parameters = record(record(body).parameters);
  const seconds = parameters.durationSeconds ?? 8;
  if (typeof seconds !== 'number' || !veoDurations.includes(seconds)) {
    return { invalid: 'durationSeconds must be 4, 6 or 8' };
  }
  const resolution = String(parameters.resolution ?? '720p');
  const size = dimensions[String(parameters.aspectRatio ?? '16:9')]?.[resolution];
  if (size == null) return { invalid: 'unsupported aspectRatio or resolution' };
  if (resolution !== '720p' && seconds !== 8) {
    return { invalid: `resolution ${resolution} requires durationSeconds 8` };
  }
  if (instance.image != null && imageOf(instance.image) == null) {
    return { invalid: 'instances[0].image needs bytesBase64Encoded and mimeType' };
  }
  return { prompt, seconds, size, image: imageOf(instance.image) };
}
