import { InvalidRequestError } from '@vgw/spec';
import { parse as parseYaml } from 'yaml';

const mediaTypes: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

function mediaTypeOf(path: string): string {
  const extension = /\.([A-Za-z]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  return mediaTypes[extension] ?? 'application/octet-stream';
}

/**
 * A storyboard file (YAML, which JSON is a subset of) as the body `POST /v1/storyboards` takes:
 * each shot's `image` names a file, read through `readImage` (relative to the storyboard, the
 * caller decides) and sent inline as a data: URL. The gateway validates the rest.
 */
export async function parseStoryboardFile(
  text: string,
  readImage: (path: string) => Promise<Uint8Array>,
): Promise<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidRequestError(
      `the storyboard file is not valid YAML or JSON: ${reason}`,
      'file',
    );
  }
  if (parsed == null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InvalidRequestError('the storyboard file must hold an object with shots', 'file');
  }
  const body = { ...(parsed as Record<string, unknown>) };
  if (!Array.isArray(body.shots)) return body;
  body.shots = await Promise.all(
    body.shots.map(async (shot: unknown) => {
      if (shot == null || typeof shot !== 'object') return shot;
      const image = (shot as { image?: unknown }).image;
      if (typeof image !== 'string' || image.startsWith('data:')) return shot;
      const bytes = await readImage(image);
      const url = `data:${mediaTypeOf(image)};base64,${Buffer.from(bytes).toString('base64')}`;
      return { ...shot, image: url };
    }),
  );
  return body;
}
