import type { VideoRecord } from '../db/video-record.js';

/** A few words of the prompt, ASCII and lowercase, cut at a word: `red-kite-over-a-foggy`. */
export function promptSlug(prompt: string, maxLength = 24): string {
  const words = prompt
    .normalize('NFKD')
    // Accents come apart under NFKD; dropping the marks keeps `ç` a `c`.
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug !== '' ? slug : (words[0]?.slice(0, maxLength) ?? '');
}

/**
 * One file stem per video, in first-use order: the prompt's first words and the id's first
 * characters (`red-kite-over-a-foggy-3fa8c2d1`), readable in a bin and unique in the package.
 */
export function mediaStems(
  videoIds: readonly string[],
  videos: ReadonlyMap<string, Pick<VideoRecord, 'prompt'>>,
): Map<string, string> {
  const stems = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of videoIds) {
    if (stems.has(id)) continue;
    const short = id.replace(/^video_/, '').slice(0, 8);
    const slug = promptSlug(videos.get(id)?.prompt ?? '');
    const base = slug !== '' ? `${slug}-${short}` : id;
    let stem = base;
    for (let n = 2; taken.has(stem); n += 1) stem = `${base}-${n}`;
    taken.add(stem);
    stems.set(id, stem);
  }
  return stems;
}

/** A sequence name as a file name: `Review Cut` → `review-cut`. */
export function fileNameOf(name: string): string {
  return promptSlug(name, 60) || 'sequence';
}
