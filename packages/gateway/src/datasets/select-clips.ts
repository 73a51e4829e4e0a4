import type { DatasetCandidate } from '../db/dataset-candidates-repository.js';
import type { DatasetRequest } from './dataset-request.js';

/** Why a video in scope did not enter the dataset; counted in the export's report. */
export type ExclusionReason =
  | 'failed'
  | 'not_completed'
  | 'no_provenance'
  | 'unscored'
  | 'below_min_stability'
  | 'unrated'
  | 'below_min_rating'
  | 'missing_tag'
  | 'no_media'
  | 'too_short'
  | 'too_small';

/**
 * The first rule a video breaks, or null when it enters. A failed video (a refused post-check
 * among them) never enters, nor does one without a C2PA label: a dataset handed on must be able
 * to say its clips are generated.
 */
export function exclusionOf(
  candidate: DatasetCandidate,
  request: DatasetRequest,
): ExclusionReason | null {
  if (candidate.status === 'failed') return 'failed';
  if (candidate.status !== 'completed') return 'not_completed';
  if (candidate.provenance !== 'embedded' && candidate.provenance !== 'sidecar') {
    return 'no_provenance';
  }
  if (request.min_stability != null) {
    if (candidate.stabilityIndex == null) return 'unscored';
    if (candidate.stabilityIndex < request.min_stability) return 'below_min_stability';
  }
  if (request.min_rating != null) {
    if (candidate.ratingAverage == null) return 'unrated';
    if (candidate.ratingAverage < request.min_rating) return 'below_min_rating';
  }
  if (request.tag != null && !candidate.tags.includes(request.tag)) return 'missing_tag';
  return null;
}

export class ExclusionCounts {
  readonly counts: Partial<Record<ExclusionReason, number>> = {};

  add(reason: ExclusionReason): void {
    this.counts[reason] = (this.counts[reason] ?? 0) + 1;
  }

  get total(): number {
    return Object.values(this.counts).reduce((sum, count) => sum + count, 0);
  }
}
