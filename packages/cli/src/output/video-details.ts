import type { Video, VideoScoresSummary, VideoWarning } from '@vgw/sdk';
import type { OutputStream } from '../cli-io.js';
import { formatUnixSeconds } from './format-time.js';
import { renderTable } from './render-table.js';

export function describeWarning(warning: VideoWarning): string {
  const param = warning.param != null ? `${warning.param}: ` : '';
  const change =
    warning.requested != null && warning.used != null
      ? ` (requested ${warning.requested}, used ${warning.used})`
      : '';
  return `${param}${warning.message}${change}`;
}

/** Warnings go to stderr so stdout keeps only what scripts read. */
export function writeWarnings(stderr: OutputStream, video: Pick<Video, 'warnings'>): void {
  for (const warning of video.warnings) stderr.write(`vgw: warning: ${describeWarning(warning)}\n`);
}

/** The index is never shown without the dynamic degree: a frozen clip is "perfectly stable". */
function scoreFields(scores: VideoScoresSummary): [string, string][] {
  const degree = scores.dynamic_degree;
  const moving = `${Math.round(degree.moving_pair_fraction * 100)}% of pairs moving`;
  return [
    ['stability', `${scores.index.toFixed(1)} / 100`],
    ['dynamic', `${degree.dynamic ? 'yes' : 'no'} (${moving})`],
  ];
}

/** `vgw get` without --json: one field per line. */
export function renderVideoDetails(video: Video): string {
  const fields: [string, string][] = [
    ['id', video.id],
    ['status', video.status],
    ['progress', `${video.progress}%`],
    ['model', video.model],
    ['provider', video.provider],
    ['prompt', video.prompt ?? '-'],
    ['seconds', video.seconds],
    ['size', video.size],
    ['fps', String(video.fps)],
    ['seed', video.seed != null ? String(video.seed) : '-'],
    ['created', formatUnixSeconds(video.created_at)],
    ['completed', formatUnixSeconds(video.completed_at)],
    ['expires', formatUnixSeconds(video.expires_at)],
  ];
  if (video.remixed_from_video_id != null) fields.push(['remix of', video.remixed_from_video_id]);
  if (video.error != null) fields.push(['error', `${video.error.code}: ${video.error.message}`]);
  for (const warning of video.warnings) fields.push(['warning', describeWarning(warning)]);
  if (video.scores != null) fields.push(...scoreFields(video.scores));
  const width = Math.max(...fields.map(([name]) => name.length));
  return fields.map(([name, value]) => `${name.padEnd(width)}  ${value}\n`).join('');
}

/** `vgw list` without --json. */
export function renderVideoTable(videos: readonly Video[]): string {
  const rows = videos.map((video) => [
    video.id,
    video.status,
    video.model,
    video.seconds,
    video.size,
    formatUnixSeconds(video.created_at),
  ]);
  return renderTable(['id', 'status', 'model', 'seconds', 'size', 'created'], rows);
}
