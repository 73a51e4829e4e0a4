import { z } from 'zod';
import type { SequenceView } from '../../sequences/sequence-view.js';
import { rateLabelOf } from '../../sequences/sequence-rate.js';
import { displayStartTimecode } from '../../sequences/start-timecode.js';

const frame = z.number().int().min(0);

export const sequenceClipSchema = z
  .object({
    video_id: z.string().describe('A completed video of this project.'),
    in: frame.describe("First frame used, in the video's own frames (default 0)."),
    out: frame.describe('Frame after the last one used: out is exclusive (default: the end).'),
    track: z.number().int().min(1).describe('Video track, from 1 (V1).'),
  })
  .describe('One cut of a video.');

export const sequenceWarningSchema = z
  .object({
    code: z
      .string()
      .describe(
        '`mixed_rate`, `mixed_size`, `clip_unavailable` (its video was deleted: export answers 409), and per-format codes at export; tolerate new ones.',
      ),
    message: z.string(),
    clip: z.number().int().nullable().describe('Index of the clip concerned.'),
  })
  .describe('Something an editor will conform, or a clip that cannot be exported.');

export const sequenceObjectSchema = z.object({
  id: z.string(),
  object: z.literal('sequence'),
  name: z.string(),
  fps: z.string().describe('`23.976`, `24`, `25`, `29.97`, `30`, `50`, `59.94` or `60`.'),
  drop_frame: z.boolean().describe('Drop-frame timecode (29.97 and 59.94 only).'),
  rate: z
    .object({ numerator: z.number().int(), denominator: z.number().int() })
    .describe('The exact rate: 24000/1001 for 23.976.'),
  size: z.string().describe('WIDTHxHEIGHT.'),
  start_timecode: z.string().describe('The first frame’s label; `;` before the frames in DF.'),
  duration_frames: z
    .number()
    .int()
    .describe('The longest track at the sequence rate; unavailable clips count for nothing.'),
  clips: z.array(sequenceClipSchema),
  warnings: z.array(sequenceWarningSchema),
  created_at: z.number().int(),
  updated_at: z.number().int(),
});

export const sequenceListSchema = z.object({
  object: z.literal('list'),
  data: z.array(sequenceObjectSchema),
  has_more: z.boolean(),
  first_id: z.string().nullable(),
  last_id: z.string().nullable(),
});

export const sequenceDeletedSchema = z.object({
  id: z.string(),
  object: z.literal('sequence.deleted'),
  deleted: z.literal(true),
});

export type SequenceObject = z.infer<typeof sequenceObjectSchema>;

const unixSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

export function toSequenceObject(view: SequenceView): SequenceObject {
  return {
    id: view.id,
    object: 'sequence',
    name: view.name,
    fps: rateLabelOf(view.rate),
    drop_frame: view.timecode === 'DF',
    rate: view.rate,
    size: `${view.width}x${view.height}`,
    start_timecode: displayStartTimecode(view.startTimecode, view.timecode),
    duration_frames: view.durationFrames,
    clips: view.clips.map((clip) => ({
      video_id: clip.videoId,
      in: clip.in,
      out: clip.out,
      track: clip.track,
    })),
    warnings: view.warnings,
    created_at: unixSeconds(view.createdAt),
    updated_at: unixSeconds(view.updatedAt),
  };
}

export function toSequenceListObject(data: SequenceObject[], hasMore: boolean) {
  return {
    object: 'list' as const,
    data,
    has_more: hasMore,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
  };
}
