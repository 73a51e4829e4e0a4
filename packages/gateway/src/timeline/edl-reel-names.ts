import { fileStem } from './clip-warnings.js';
import type { Timeline, TimelineWarning } from './timeline-model.js';

const reelLength = 8;

/** `shot_001.mp4` → `SHOT001`: the stem's letters and digits, uppercased (CMX reels are 8). */
function cleanReel(fileName: string): string {
  const cleaned = fileStem(fileName)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase();
  return cleaned === '' ? 'REEL' : cleaned;
}

/**
 * One reel per media file, unique within the EDL. A name over 8 characters is cut to 8; when two
 * files would share a reel, the later one gets a number in its last places (`SHOTNAM2`). Either
 * change warns `reel_name_shortened` once per file, naming the first clip that uses it, because
 * the editor relinks by reel name.
 */
export function assignReelNames(
  timeline: Timeline,
  clipIndexes: readonly number[],
): { reels: Map<string, string>; warnings: TimelineWarning[] } {
  const reels = new Map<string, string>();
  const taken = new Set<string>();
  // Where each cut-down name's suffix search resumes, so 1,000 `GENCLIP…` files stay linear.
  const nextSuffix = new Map<string, number>();
  const warnings: TimelineWarning[] = [];
  for (const index of clipIndexes) {
    const clip = timeline.clips[index];
    if (clip == null || reels.has(clip.media.id)) continue;
    const full = cleanReel(clip.media.fileName);
    const cut = full.slice(0, reelLength);
    let reel = cut;
    let suffix = nextSuffix.get(cut) ?? 2;
    for (; taken.has(reel); suffix += 1) {
      reel = full.slice(0, reelLength - String(suffix).length) + String(suffix);
    }
    nextSuffix.set(cut, suffix);
    taken.add(reel);
    reels.set(clip.media.id, reel);
    if (reel !== full) {
      warnings.push({
        code: 'reel_name_shortened',
        message: `Clip ${index} ('${clip.name}'): reel for '${clip.media.fileName}' is ${reel} (EDL reels are at most 8 letters and digits, unique per file).`,
        clip: index,
      });
    }
  }
  return { reels, warnings };
}
