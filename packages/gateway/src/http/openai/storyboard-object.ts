import { formatUsd } from '../../cost/money.js';
import type { SeamScore, StoryboardRecord } from '../../db/storyboard-record.js';
import type { ShotVideo } from '../../db/storyboards-repository.js';
import type { StoryboardPlan } from '../../storyboards/plan-storyboard.js';
import type {
  StoryboardEstimateObject,
  StoryboardListObject,
  StoryboardObject,
} from './storyboard-wire-schema.js';
import type { VideoScoresSummary } from './video-scores.js';

const unixSeconds = (date: Date | null) =>
  date != null ? Math.floor(date.getTime() / 1000) : null;

function seamOf(seam: SeamScore): NonNullable<StoryboardObject['seams']>[number] {
  return {
    between: seam.between,
    ssim: seam.ssim,
    flicker: seam.flicker,
    histogram_distance: seam.histogramDistance,
    luma_step: seam.lumaStep,
    cut: seam.cut,
  };
}

function stitchedOf(storyboard: StoryboardRecord): StoryboardObject['stitched'] {
  const { stitch, stitchedSha256, stitchedBytes } = storyboard;
  if (stitch == null || stitchedSha256 == null || storyboard.status !== 'completed') return null;
  return {
    url: `/v1/storyboards/${storyboard.id}/content`,
    sha256: stitchedSha256,
    bytes: stitchedBytes ?? 0,
    mode: stitch.mode,
    reencoded_shots: stitch.reencodedShots,
    frames: stitch.frames,
    duration_seconds: stitch.durationSeconds,
    size: `${stitch.width}x${stitch.height}`,
    rate: `${stitch.rate.numerator}/${stitch.rate.denominator}`,
  };
}

export interface StoryboardExtras {
  videos: ShotVideo[];
  scores: ReadonlyMap<string, VideoScoresSummary>;
}

/** The wire storyboard; its type is the wire schema's, so a field the schema lacks does not compile. */
export function toStoryboardObject(
  storyboard: StoryboardRecord,
  extras: StoryboardExtras,
): StoryboardObject {
  const byIndex = new Map(extras.videos.map((video) => [video.index, video]));
  const { spec } = storyboard;
  return {
    id: storyboard.id,
    object: 'storyboard',
    name: storyboard.name,
    status: storyboard.status,
    created_at: unixSeconds(storyboard.createdAt) as number,
    completed_at: unixSeconds(storyboard.completedAt),
    model: spec.model,
    size: spec.size,
    fps: spec.fps,
    shots: spec.shots.map((shot, index) => {
      const video = byIndex.get(index);
      return {
        index,
        prompt: shot.prompt,
        seconds: shot.seconds != null ? String(shot.seconds) : null,
        model: shot.plannedModel,
        continue: shot.continues,
        seed: shot.seed,
        video_id: video?.videoId ?? null,
        status: video?.status ?? 'pending',
        estimate_usd: formatUsd(shot.estimateMicroUsd),
        scores: video != null ? (extras.scores.get(video.videoId) ?? null) : null,
      };
    }),
    cost: {
      estimate_usd: formatUsd(storyboard.estimateMicroUsd),
      settled_usd:
        storyboard.settledMicroUsd != null ? formatUsd(storyboard.settledMicroUsd) : null,
    },
    stitched: stitchedOf(storyboard),
    seams: storyboard.seamScores?.map(seamOf) ?? null,
    sequence_id: storyboard.sequenceId,
    error: storyboard.error,
  };
}

export function toStoryboardListObject(
  data: StoryboardObject[],
  hasMore: boolean,
): StoryboardListObject {
  return {
    object: 'list',
    data,
    has_more: hasMore,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
  };
}

export function toStoryboardEstimateObject(plan: StoryboardPlan): StoryboardEstimateObject {
  return {
    object: 'storyboard.estimate',
    shots: plan.shots.map((shot) => {
      const { parameters, warnings } = shot.plan.checked;
      return {
        index: shot.index,
        model: shot.plan.entry.id,
        provider: shot.plan.entry.provider,
        route: shot.plan.route?.name ?? null,
        seconds: String(parameters.seconds),
        size: `${parameters.width}x${parameters.height}`,
        estimate_usd: formatUsd(shot.plan.estimate.microUsd),
        warnings: [...shot.plan.routeWarnings, ...warnings],
      };
    }),
    cost: { estimate_usd: formatUsd(plan.estimateMicroUsd) },
  };
}
