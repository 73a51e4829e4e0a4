import { createHash } from 'node:crypto';

export type DatasetSplit = 'train' | 'validation';

/**
 * A video's split from the sha256 of its id alone: the same video lands in the same split in
 * every export, whatever else is selected, so a validation clip never leaks into a later
 * training set. The first 48 bits as a fraction of 2^48 are exact in a double.
 */
export function splitOf(videoId: string, validationFraction: number): DatasetSplit {
  return hashFraction(videoId) < validationFraction ? 'validation' : 'train';
}

export function hashFraction(videoId: string): number {
  const digest = createHash('sha256').update(videoId, 'utf8').digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}
