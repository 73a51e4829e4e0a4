import type { ConformFamily } from './dataset-request.js';

/** What a trainer family expects of a clip (export-formats.md §B.2). */
export interface ConformPreset {
  family: ConformFamily;
  /** The model's native rate; clips are resampled to it. */
  fps: number;
  /** Frame counts are `step·n + 1`. */
  frameStep: number;
  /** Width and height are multiples of this. */
  sideMultiple: number;
}

/**
 * Wan 2.1 / 2.2 A14B: 16 fps, 4n+1, /16. HunyuanVideo: 24 fps, 4n+1, /16. LTX-Video: 8n+1 and
 * /32; its trainers accept 24-30 fps and diffusion-pipe fixes it at 25, so 25.
 */
export const conformPresets: Record<ConformFamily, ConformPreset> = {
  wan: { family: 'wan', fps: 16, frameStep: 4, sideMultiple: 16 },
  hunyuan: { family: 'hunyuan', fps: 24, frameStep: 4, sideMultiple: 16 },
  ltx: { family: 'ltx', fps: 25, frameStep: 8, sideMultiple: 32 },
};

export interface ConformSource {
  frames: number;
  rate: { numerator: number; denominator: number };
  width: number;
  height: number;
}

export type ConformPlan =
  | { ok: true; frames: number; width: number; height: number; fps: number }
  | { ok: false; reason: 'too_short' | 'too_small' };

/**
 * The clip a preset makes of a source: resampled to the preset's rate (the frames that rate
 * holds over the source's duration, rounded down so ffmpeg always has them), trimmed to the
 * longest valid count from the start, and centre-cropped to the size multiple. A clip shorter
 * than one step plus one frame, or narrower than one multiple, cannot be conformed.
 */
export function conformPlan(source: ConformSource, preset: ConformPreset): ConformPlan {
  const available = Math.floor(
    (source.frames * preset.fps * source.rate.denominator) / source.rate.numerator,
  );
  const frames = Math.floor((available - 1) / preset.frameStep) * preset.frameStep + 1;
  if (available < preset.frameStep + 1) return { ok: false, reason: 'too_short' };
  const width = Math.floor(source.width / preset.sideMultiple) * preset.sideMultiple;
  const height = Math.floor(source.height / preset.sideMultiple) * preset.sideMultiple;
  if (width === 0 || height === 0) return { ok: false, reason: 'too_small' };
  return { ok: true, frames, width, height, fps: preset.fps };
}
