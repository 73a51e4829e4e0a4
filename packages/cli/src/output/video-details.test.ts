import type { Video } from '@vgw/sdk';
import { describe, expect, it } from 'vitest';
import { renderVideoDetails } from './video-details.js';

const video: Video = {
  id: 'video_1',
  object: 'video',
  model: 'local',
  status: 'completed',
  progress: 100,
  created_at: 1_758_941_485,
  completed_at: 1_758_941_490,
  expires_at: null,
  prompt: 'a pan',
  seconds: '4',
  size: '1280x720',
  remixed_from_video_id: null,
  error: null,
  provider: 'local',
  fps: 24,
  seed: null,
  warnings: [],
};

function field(text: string, name: string): string | undefined {
  const line = text.split('\n').find((each) => each.startsWith(`${name} `));
  return line?.slice(name.length).trim();
}

describe('renderVideoDetails', () => {
  it('shows the stability index with the dynamic degree beside it once scored', () => {
    const text = renderVideoDetails({
      ...video,
      scores: {
        index: 87.456,
        dynamic_degree: { dynamic: false, moving_pair_fraction: 0.125, mean_top_motion: 0.4 },
        metrics: {
          vbench_flicker: 0.99,
          vbench_static: true,
          warping_error: 3,
          motion_smoothness: 0.99,
          camera_jitter: 0.1,
          luma_flicker: 0.2,
          consecutive_ssim: 0.98,
          frozen_fraction: 0,
          longest_freeze_frames: 0,
          scene_cuts: 0,
          drift_end_ssim: 0.9,
          drift_end_histogram_distance: 0.05,
        },
        scored_at: 1_758_941_500,
      },
    });
    expect(field(text, 'stability')).toBe('87.5 / 100');
    expect(field(text, 'dynamic')).toBe('no (13% of pairs moving)');
  });

  it('leaves the score lines out until the video is scored', () => {
    for (const scores of [undefined, null]) {
      const text = renderVideoDetails(scores === undefined ? video : { ...video, scores });
      expect(field(text, 'stability')).toBeUndefined();
      expect(field(text, 'id')).toBe('video_1');
    }
  });
});
