import type { Sequence } from '@vgw/sdk';
import type { OutputStream } from '../cli-io.js';
import { formatUnixSeconds } from './format-time.js';
import { renderTable } from './render-table.js';

function rateOf(sequence: Sequence): string {
  return `${sequence.fps}${sequence.drop_frame ? ' DF' : ''}`;
}

/** Warnings go to stderr so stdout keeps only what scripts read. */
export function writeSequenceWarnings(
  stderr: OutputStream,
  warnings: readonly { message: string }[],
): void {
  for (const warning of warnings) stderr.write(`vgw: warning: ${warning.message}\n`);
}

/** `vgw sequence get` without --json: the fields, then one line per clip. */
export function renderSequenceDetails(sequence: Sequence): string {
  const fields: [string, string][] = [
    ['id', sequence.id],
    ['name', sequence.name],
    ['fps', rateOf(sequence)],
    ['size', sequence.size],
    ['start', sequence.start_timecode],
    ['duration', `${sequence.duration_frames} frames`],
    ['created', formatUnixSeconds(sequence.created_at)],
    ['updated', formatUnixSeconds(sequence.updated_at)],
  ];
  for (const warning of sequence.warnings) fields.push(['warning', warning.message]);
  const width = Math.max(...fields.map(([name]) => name.length));
  const head = fields.map(([name, value]) => `${name.padEnd(width)}  ${value}\n`).join('');
  const clips = renderTable(
    ['#', 'video', 'in', 'out', 'track'],
    sequence.clips.map((clip, index) => [
      String(index),
      clip.video_id,
      String(clip.in),
      String(clip.out),
      `V${clip.track}`,
    ]),
  );
  return `${head}\n${clips}`;
}

/** `vgw sequence list` without --json. */
export function renderSequenceTable(sequences: readonly Sequence[]): string {
  return renderTable(
    ['id', 'name', 'fps', 'size', 'clips', 'frames', 'created'],
    sequences.map((sequence) => [
      sequence.id,
      sequence.name,
      rateOf(sequence),
      sequence.size,
      String(sequence.clips.length),
      String(sequence.duration_frames),
      formatUnixSeconds(sequence.created_at),
    ]),
  );
}
