import type { Vgw, VideoContentVariant } from '@vgw/sdk';
import { saveResponse } from '../files/save-response.js';

/** Saves one of a video's files (the MP4, its thumbnail or its spritesheet) to `path`. */
export async function downloadContent(
  client: Vgw,
  id: string,
  variant: VideoContentVariant,
  path: string,
  signal: AbortSignal,
): Promise<void> {
  const response = await client.videos.downloadContent(id, { variant }, { signal });
  await saveResponse(response, path, signal);
}
