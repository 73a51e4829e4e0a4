import { rateLabel, sameRate } from './frame-rate.js';
import type { Timeline, TimelineWarning } from './timeline-model.js';

/**
 * One `mixed_rate` warning per clip whose media runs at another rate than the timeline; `what`
 * says what the format does about it (carries per-clip rates, or re-times the source).
 */
export function mixedRateWarnings(timeline: Timeline, what: string): TimelineWarning[] {
  const warnings: TimelineWarning[] = [];
  timeline.clips.forEach((clip, index) => {
    if (sameRate(clip.media.rate, timeline.rate)) return;
    warnings.push({
      code: 'mixed_rate',
      message: `Clip ${index} ('${clip.name}') is ${rateLabel(clip.media.rate)} fps in a ${rateLabel(timeline.rate)} fps timeline: ${what}`,
      clip: index,
    });
  });
  return warnings;
}

/** One `mixed_size` warning per clip whose frame size differs from the timeline's. */
export function mixedSizeWarnings(timeline: Timeline, what: string): TimelineWarning[] {
  const warnings: TimelineWarning[] = [];
  timeline.clips.forEach((clip, index) => {
    const { width, height } = clip.media;
    if (width === timeline.width && height === timeline.height) return;
    warnings.push({
      code: 'mixed_size',
      message: `Clip ${index} ('${clip.name}') is ${width}x${height} in a ${timeline.width}x${timeline.height} timeline: ${what}`,
      clip: index,
    });
  });
  return warnings;
}

/** A file name without its last extension: `shot_001.mp4` → `shot_001`. */
export function fileStem(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}
