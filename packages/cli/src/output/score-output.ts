import type { ScoreResult } from '@vgw/gateway';
import { renderTable } from './render-table.js';

function decimal(value: number | null, digits = 4): string {
  return value == null ? 'n/a' : value.toFixed(digits);
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** Metric, value, meaning: the stability index and the dynamic degree first, read together. */
export function renderScore(result: ScoreResult): string {
  const { metrics, dynamicDegree, index, analysis } = result;
  const gate = metrics.vbenchFlicker.staticGate.isStatic ? 'static' : 'moving';
  const dynamic = dynamicDegree.dynamic ? 'yes' : 'no';
  const rows: string[][] = [
    ['stability index', index.value.toFixed(1), '0-100, higher is steadier'],
    [
      'dynamic degree',
      `${dynamic} (${percent(dynamicDegree.movingPairFraction)} moving)`,
      'whether anything moves; a still shot scores steady trivially',
    ],
    [
      'vbench flicker',
      `${decimal(metrics.vbenchFlicker.value)} (${gate})`,
      'frame-to-frame change; meaningful on static video only',
    ],
    [
      'warping error',
      decimal(metrics.warpingError, 6),
      'flicker and texture boiling; lower is better',
    ],
    [
      'motion smoothness',
      decimal(metrics.motionSmoothness),
      'jerky motion, dropped frames; higher is better',
    ],
    ['camera jitter', decimal(metrics.cameraJitter), 'camera shake in px; lower is better'],
    ['luma flicker', decimal(metrics.lumaFlicker), 'brightness pumping; lower is better'],
    [
      'consecutive ssim',
      decimal(metrics.consecutiveSsim),
      'structural similarity of neighbouring frames',
    ],
    ['frozen fraction', percent(metrics.freeze.frozenFraction), 'share of frames in stuck runs'],
    ['scene cuts', String(metrics.sceneCuts.length), 'hard cuts inside the clip'],
    [
      'drift (end ssim)',
      decimal(metrics.drift.endSsim),
      'likeness of the end to the first frame (approximate)',
    ],
    ['frames', `${analysis.frames} at ${analysis.fps.toFixed(2)} fps`, 'what was analysed'],
  ];
  return renderTable(['metric', 'value', 'meaning'], rows);
}

const perFrameColumns: readonly [string, keyof ScoreResult['perFrame']][] = [
  ['flicker', 'flicker'],
  ['warping_error', 'warpingError'],
  ['mean_luma', 'meanLuma'],
  ['luma_flicker', 'lumaFlicker'],
  ['camera_jitter', 'cameraJitter'],
  ['consecutive_ssim', 'consecutiveSsim'],
  ['ssim_to_first', 'ssimToFirst'],
  ['histogram_distance_to_first', 'histogramDistanceToFirst'],
  ['motion_smoothness', 'motionSmoothness'],
  ['dynamic_top_motion', 'dynamicTopMotion'],
];

/** One row per analysed frame; a series shorter than the frame count leaves its cells empty. */
export function renderPerFrameCsv(result: ScoreResult): string {
  const header = ['frame', ...perFrameColumns.map(([column]) => column)].join(',');
  const lines = [header];
  for (let frame = 0; frame < result.analysis.frames; frame += 1) {
    const cells = perFrameColumns.map(([, key]) => {
      const value = result.perFrame[key][frame];
      return value == null ? '' : String(value);
    });
    lines.push([String(frame), ...cells].join(','));
  }
  return `${lines.join('\n')}\n`;
}
