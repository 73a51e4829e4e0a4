import type { ShotVideo } from '../db/storyboards-repository.js';

/**
 * What the storyboard cost: the sum of its shots' settled costs, once every shot video it made
 * has settled; null while one is still open or its billing is unknown.
 */
export function settledCost(videos: readonly ShotVideo[]): number | null {
  let total = 0;
  for (const video of videos) {
    if (video.actualMicroUsd == null) return null;
    total += video.actualMicroUsd;
  }
  return total;
}
