import { captionFontSize, captionText } from './caption-text.js';
import { decimal } from './filter-values.js';
import { createHashRandom } from './hash-random.js';
import { jobFiles } from './job-files.js';
import { sceneNames, type LocalOptions, type SceneName } from './local-options.js';
import { previewChains, previewLayout, previewOutputArgs } from './preview-outputs.js';
import { sceneBuilders, type SceneFrame } from './render-scenes.js';

export interface RenderPlanInput {
  prompt: string;
  seed: number;
  seconds: number;
  width: number;
  height: number;
  fps: number;
  /** A local image file shown as the first frame, or null. */
  inputReferencePath: string | null;
  options: LocalOptions;
  /** Whether this ffmpeg build can draw text (see drawtext-support.ts). */
  drawCaption: boolean;
  /** x264's thread count changes its output bytes, so it is fixed rather than left to the CPU. */
  encoderThreads: number;
}

export interface RenderPlan {
  scene: SceneName;
  totalFrames: number;
  /** ffmpeg arguments, to be run with the job directory as working directory. */
  args: string[];
  /** The content of caption.txt; null when no caption is drawn. */
  caption: string | null;
  thumbnail: { width: number; height: number };
  spritesheet: { width: number; height: number; columns: number; rows: number };
}

export const defaultCrf = 23;
/** Seconds over which an input image dissolves into the scene. */
const imageFadeSeconds = 1;

function captionFilter(frame: SceneFrame): string {
  const fontSize = captionFontSize(frame.height);
  const margin = Math.round(frame.height / 16);
  // expansion=none: the prompt is drawn literally, `%{...}` sequences included. The box is
  // opaque: a static see-through box over moving pixels is costly for x264 to predict.
  return (
    `drawtext=textfile=${jobFiles.caption}:expansion=none:fontcolor=white:fontsize=${fontSize}` +
    `:line_spacing=${Math.round(fontSize / 4)}:box=1:boxcolor=black` +
    `:boxborderw=${Math.round(fontSize / 3)}:x=(w-text_w)/2:y=h-text_h-${margin}`
  );
}

/**
 * The input image, fitted into the frame, opaque on frame 0 and fading out after it. It is
 * decoded once and repeated by `loop`: an image input looped by the demuxer (`-loop 1`) spins
 * forever on a corrupt file, while a single decode fails and ends ffmpeg with an error.
 */
function imageChain(frame: SceneFrame): string {
  const { width, height, fps } = frame;
  return (
    `[0:v]scale=${width}:${height}:force_original_aspect_ratio=decrease,` +
    `pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2,setsar=1,format=yuva420p,` +
    `loop=loop=${fps * imageFadeSeconds}:size=1:start=0,setpts=N/(${fps}*TB),` +
    `fade=t=out:st=${decimal(1 / fps, 6)}:d=${imageFadeSeconds}:alpha=1[image]`
  );
}

function filterGraph(
  frame: SceneFrame,
  input: RenderPlanInput,
  scene: SceneName,
  seedParts: string[],
): string {
  const random = createHashRandom([...seedParts, 'scene-parameters']);
  const chains = [sceneBuilders[scene](frame, random, 'scene')];
  let last = 'scene';
  if (input.drawCaption) {
    chains.push(`[${last}]${captionFilter(frame)}[captioned]`);
    last = 'captioned';
  }
  if (input.inputReferencePath != null) {
    chains.push(imageChain(frame));
    // eof_action=pass: once the image input ends, frames pass through without blending.
    chains.push(`[${last}][image]overlay=eof_action=pass[composed]`);
    last = 'composed';
  }
  chains.push(
    // setsar: scaling a scene's grid to the frame leaves a non-square pixel aspect (320:321 on
    // 720x1280), which players would stretch. fps: an input image's timing (25 fps by default)
    // can leak into the overlay's output; this pins the stream's rate and time base.
    `[${last}]setsar=1,fps=fps=${frame.fps},trim=end_frame=${frame.totalFrames},` +
      'split=3[video][thumbsource][sheetsource]',
    ...previewChains(previewLayout(frame), 'thumbsource', 'sheetsource'),
  );
  return chains.join(';');
}

function imageInputArgs(path: string | null): string[] {
  // `file:` keeps a path from being taken for another protocol.
  return path != null ? ['-i', `file:${path}`] : [];
}

function outputArgs(frame: SceneFrame, crf: number, threads: number): string[] {
  const bitexact = ['-flags', '+bitexact', '-fflags', '+bitexact'];
  return [
    ...['-map', '[video]', '-frames:v', String(frame.totalFrames)],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', String(crf), '-pix_fmt', 'yuv420p'],
    ...['-threads', String(threads), ...bitexact],
    ...['-movflags', '+faststart', '-f', 'mp4', jobFiles.video],
    ...previewOutputArgs(previewLayout(frame), bitexact),
  ];
}

/** Which scene a prompt and seed choose, unless the options force one. */
export function chooseScene(prompt: string, seed: number, options: LocalOptions): SceneName {
  if (options.scene != null) return options.scene;
  return createHashRandom(['vgw-local-v1', prompt, String(seed), 'scene']).pick(sceneNames);
}

/**
 * The whole render as one ffmpeg argument list: scene, caption, input image, and the three
 * outputs (video, thumbnail, spritesheet) from one decode of the graph via `split`. Pure: the
 * same input gives the same arguments, and the prompt never appears in them (it reaches
 * drawtext through caption.txt).
 */
export function buildRenderPlan(input: RenderPlanInput): RenderPlan {
  const totalFrames = Math.max(1, Math.round(input.seconds * input.fps));
  const frame: SceneFrame = { ...input, totalFrames };
  const seedParts = ['vgw-local-v1', input.prompt, String(input.seed)];
  const scene = chooseScene(input.prompt, input.seed, input.options);
  const caption = input.drawCaption
    ? captionText(input.prompt, input.width, captionFontSize(input.height))
    : null;
  const graph = filterGraph(frame, { ...input, drawCaption: caption != null }, scene, seedParts);
  const args = [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-vsync', 'passthrough'],
    ...['-progress', jobFiles.progress, '-nostats'],
    ...imageInputArgs(input.inputReferencePath),
    ...['-filter_complex', graph],
    ...outputArgs(frame, input.options.crf ?? defaultCrf, input.encoderThreads),
  ];
  const { thumbnail, spritesheet } = previewLayout(frame);
  return {
    scene,
    totalFrames,
    args,
    caption,
    thumbnail: { width: thumbnail.width, height: thumbnail.height },
    spritesheet,
  };
}
