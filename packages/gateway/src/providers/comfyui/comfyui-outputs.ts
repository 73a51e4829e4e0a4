import type { NodeOutput, OutputFile } from './comfyui-schemas.js';

const videoTypes: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  gif: 'image/gif',
  webp: 'image/webp',
};

function mediaTypeOf(file: OutputFile): string | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.filename)?.[1]?.toLowerCase();
  const byName = extension != null ? videoTypes[extension] : undefined;
  if (byName != null) return byName;
  // VideoHelperSuite says `format: "video/h264-mp4"`; its container is what counts.
  if (file.format?.startsWith('video/') === true) {
    return file.format.endsWith('mp4') ? 'video/mp4' : 'video/webm';
  }
  return null;
}

/**
 * The video among a run's outputs: `videos[]`, VideoHelperSuite's `gifs[]`, or core SaveVideo's
 * `images[]` flagged `animated`. Still images (a preview, a first frame) are never chosen.
 */
export function findVideoOutput(
  outputs: Record<string, NodeOutput>,
): { file: OutputFile; mediaType: string } | null {
  for (const output of Object.values(outputs)) {
    const animated = output.animated?.some((flag) => flag) === true;
    const candidates = [
      ...(output.videos ?? []),
      ...(output.gifs ?? []),
      ...(output.images ?? []).filter(
        (file) => animated || /\.(mp4|webm|mov|mkv|m4v)$/i.test(file.filename),
      ),
    ];
    for (const file of candidates) {
      const mediaType = mediaTypeOf(file);
      if (mediaType != null) return { file, mediaType };
    }
  }
  return null;
}

/** Where ComfyUI serves an output file. */
export function viewUrl(baseURL: string, file: OutputFile): string {
  const query = new URLSearchParams({
    filename: file.filename,
    subfolder: file.subfolder,
    type: file.type,
  });
  return `${baseURL}/view?${query.toString()}`;
}
