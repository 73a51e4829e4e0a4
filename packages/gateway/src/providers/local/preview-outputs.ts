import { even } from './filter-values.js';
import { jobFiles } from './job-files.js';
import type { SceneFrame } from './render-scenes.js';

export interface PreviewLayout {
  fps: number;
  /** Every `step`-th frame feeds the spritesheet, which shows `count` of them. */
  step: number;
  count: number;
  /** The thumbnail samples every `step` frames and is rewritten `writes` times. */
  thumbnail: { width: number; height: number; frame: number; step: number; writes: number };
  spritesheet: { width: number; height: number; columns: number; rows: number };
}

const maxThumbnailWidth = 1280;
const maxTileWidth = 320;
const spritesheetColumns = 5;
/** Added to preview timestamps; see previewChains. */
const futureSeconds = 100_000;

function thumbnailLayout(frame: SceneFrame, step: number, count: number) {
  const width = Math.min(frame.width, maxThumbnailWidth);
  // Every other spritesheet sample: half the JPEG encodes, at the cost of buffering 2 steps.
  const thumbnailStep = count >= 4 ? 2 * step : step;
  const writes = Math.floor((step * Math.floor(count / 2)) / thumbnailStep) + 1;
  return {
    width,
    height: even((frame.height * width) / frame.width),
    frame: thumbnailStep * (writes - 1),
    step: thumbnailStep,
    writes,
  };
}

/**
 * Ten evenly spaced frames per started five seconds (5 columns, tiles at most 320 wide), fewer
 * for clips under ten frames. More tiles for longer clips keep `step` short, which bounds
 * memory (see previewChains). The thumbnail is a frame near the middle, at most 1280 wide.
 */
export function previewLayout(frame: SceneFrame): PreviewLayout {
  const count =
    frame.totalFrames >= 10
      ? Math.min(10 * Math.ceil(frame.seconds / 5), Math.floor(frame.totalFrames / 10) * 10)
      : Math.min(frame.totalFrames, spritesheetColumns);
  const columns = Math.min(spritesheetColumns, count);
  const rows = Math.ceil(count / columns);
  const tileWidth = Math.min(frame.width, maxTileWidth);
  const tileHeight = even((frame.height * tileWidth) / frame.width);
  const step = Math.max(1, Math.floor(frame.totalFrames / count));
  return {
    fps: frame.fps,
    step,
    count,
    thumbnail: thumbnailLayout(frame, step, count),
    spritesheet: { width: tileWidth * columns, height: tileHeight * rows, columns, rows },
  };
}

/**
 * Filter chains for the thumbnail and the spritesheet, fed from two `split` outputs.
 *
 * ffmpeg (4.x) drives the whole graph until its most starved output gets a frame, holding
 * every video frame made meanwhile in memory; a thumbnail branch that waits for the middle
 * frame, or a tile that emits once at the end, made it buffer the whole clip (about 3 GB for
 * 20 s of 1080p60). So both previews take a frame every few frames: the thumbnail is
 * rewritten each time (`-update 1`) until the chosen frame, and the tile slides (`overlap`),
 * emitting the grid so far on every sample. Each branch then ends with `trim`, so it never
 * starves the graph again.
 *
 * Preview frames are also stamped far in the future: ffmpeg then never picks a preview as the
 * most starved output, the graph advances one video frame at a time and x264's threads stay
 * fed. This needs `-vsync passthrough` (else ffmpeg would fill the gap with duplicates).
 */
export function previewChains(layout: PreviewLayout, thumbnail: string, sheet: string): string[] {
  const { step, count, spritesheet, fps } = layout;
  const every = (interval: number): string =>
    `select='not(mod(n,${interval}))',setpts=N/(${fps}*TB)+${futureSeconds}/TB`;
  const tileWidth = spritesheet.width / spritesheet.columns;
  const tileHeight = spritesheet.height / spritesheet.rows;
  const thumb = layout.thumbnail;
  return [
    `[${thumbnail}]trim=end_frame=${thumb.frame + 1},${every(thumb.step)},` +
      `scale=${thumb.width}:${thumb.height},format=yuvj420p[thumbnail]`,
    `[${sheet}]trim=end_frame=${(count - 1) * step + 1},${every(step)},` +
      `scale=${tileWidth}:${tileHeight},format=yuvj420p,` +
      `tile=${spritesheet.columns}x${spritesheet.rows}` +
      `:overlap=${count - 1}:init_padding=${count - 1}[spritesheet]`,
  ];
}

/** Output options for the two JPEGs; `-frames:v` keeps the last complete image of each. */
export function previewOutputArgs(layout: PreviewLayout, bitexact: string[]): string[] {
  const jpeg = (quality: number): string[] => ['-c:v', 'mjpeg', '-q:v', String(quality)];
  const thumbnailFrames = String(layout.thumbnail.writes);
  return [
    ...['-map', '[thumbnail]', '-frames:v', thumbnailFrames, ...jpeg(3), ...bitexact],
    ...['-f', 'image2', '-update', '1', jobFiles.thumbnail],
    ...['-map', '[spritesheet]', '-frames:v', String(layout.count), ...jpeg(4), ...bitexact],
    ...['-f', 'image2', '-update', '1', jobFiles.spritesheet],
  ];
}
