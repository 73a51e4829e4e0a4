import { InvalidRequestError } from '@vgw/spec';
import { z } from 'zod';

const rationalTime = z.object({ rate: z.number().positive(), value: z.number() });
const timeRange = z.object({ start_time: rationalTime, duration: rationalTime });
const metadata = z.record(z.string(), z.unknown()).nullish();

/** Only ExternalReference has a URL; Missing/Generator/ImageSequence references read as none. */
const reference = z
  .object({
    OTIO_SCHEMA: z.string(),
    target_url: z.string().optional(),
    available_range: timeRange.nullish(),
  })
  .refine((ref) => !ref.OTIO_SCHEMA.startsWith('ExternalReference.') || ref.target_url != null, {
    message: 'an ExternalReference needs target_url',
  })
  .nullish();

const item = z.object({ OTIO_SCHEMA: z.string(), name: z.string().nullish(), metadata });
const clip1 = item.extend({ source_range: timeRange.nullish(), media_reference: reference });
const clip2 = item.extend({
  source_range: timeRange.nullish(),
  media_references: z.record(z.string(), reference),
  active_media_reference_key: z.string(),
});
const gap = item.extend({ source_range: timeRange });
const composition = item.extend({
  source_range: timeRange.nullish(),
  kind: z.string().optional(),
  children: z.array(z.unknown()),
});
const timelineSchema = z.object({
  OTIO_SCHEMA: z.literal('Timeline.1'),
  name: z.string().nullish(),
  metadata,
  global_start_time: rationalTime.nullish(),
  tracks: z.object({ OTIO_SCHEMA: z.literal('Stack.1'), children: z.array(z.unknown()) }),
});

export type OtioTime = z.infer<typeof rationalTime>;

export type OtioReadItem =
  | {
      type: 'clip';
      name: string | null;
      start: OtioTime;
      duration: OtioTime;
      targetUrl: string | null;
      metadata: Record<string, unknown>;
    }
  | { type: 'gap'; name: string | null; duration: OtioTime }
  /** A Stack or Track inside a track: kept as one item of its length, its contents unread. */
  | { type: 'nested'; name: string | null; duration: OtioTime };

export interface OtioReadTrack {
  name: string | null;
  kind: string;
  items: OtioReadItem[];
}

export interface OtioReadTimeline {
  name: string | null;
  metadata: Record<string, unknown>;
  globalStartTime: OtioTime | null;
  tracks: OtioReadTrack[];
}

const maxDepth = 64;

function parseWith<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = [where, ...(issue?.path ?? []).map(String)].join('.');
  throw new InvalidRequestError(`Not a readable OTIO file: ${path}: ${issue?.message}`, 'file');
}

function seconds(time: OtioTime): number {
  return time.value / time.rate;
}

function itemDuration(readItem: OtioReadItem): OtioTime {
  return readItem.duration;
}

/**
 * A composition's length when it has no source_range: a track's items end to end, a stack's
 * longest child. Expressed at the rate of its first timed child (24 if it has none).
 */
function compositionDuration(schema: string, items: OtioReadItem[]): OtioTime {
  const durations = items.map(itemDuration);
  const rate = durations[0]?.rate ?? 24;
  const total = schema.startsWith('Stack.')
    ? Math.max(0, ...durations.map(seconds))
    : durations.reduce((sum, duration) => sum + seconds(duration), 0);
  return { rate, value: Math.round(total * rate * 1e6) / 1e6 };
}

function readClip(value: unknown, schema: string, where: string): OtioReadItem {
  const clip = schema === 'Clip.1' ? parseWith(clip1, value, where) : null;
  const clipV2 = schema === 'Clip.1' ? null : parseWith(clip2, value, where);
  const ref =
    clip?.media_reference ??
    (clipV2 == null ? null : clipV2.media_references[clipV2.active_media_reference_key]) ??
    null;
  // Without a source_range a clip uses its media's whole available range, as OTIO does.
  const range = (clip ?? clipV2)?.source_range ?? ref?.available_range ?? null;
  if (range == null) {
    throw new InvalidRequestError(`Not a readable OTIO file: ${where} has no range.`, 'file');
  }
  return {
    type: 'clip',
    name: (clip ?? clipV2)?.name ?? null,
    start: range.start_time,
    duration: range.duration,
    targetUrl: ref?.target_url ?? null,
    metadata: (clip ?? clipV2)?.metadata ?? {},
  };
}

/** One track child; null for a Transition (it overlaps its neighbours and takes no track time). */
function readItem(value: unknown, where: string, depth: number): OtioReadItem | null {
  const { OTIO_SCHEMA: schema } = parseWith(item, value, where);
  if (schema === 'Clip.1' || schema === 'Clip.2') return readClip(value, schema, where);
  if (schema === 'Gap.1') {
    const parsed = parseWith(gap, value, where);
    return { type: 'gap', name: parsed.name ?? null, duration: parsed.source_range.duration };
  }
  if (schema.startsWith('Transition.')) return null;
  if (schema === 'Stack.1' || schema === 'Track.1') {
    if (depth >= maxDepth) {
      throw new InvalidRequestError(`OTIO nesting deeper than ${maxDepth} at ${where}.`, 'file');
    }
    const parsed = parseWith(composition, value, where);
    const children = readChildren(parsed.children, where, depth + 1);
    const duration = parsed.source_range?.duration ?? compositionDuration(schema, children);
    return { type: 'nested', name: parsed.name ?? null, duration };
  }
  throw new InvalidRequestError(`Unsupported OTIO item ${schema} at ${where}.`, 'file');
}

function readChildren(children: unknown[], where: string, depth: number): OtioReadItem[] {
  return children
    .map((child, index) => readItem(child, `${where}.children.${index}`, depth))
    .filter((read) => read != null);
}

/**
 * Reads an `.otio` document (ours, or OpenTimelineIO's) into tracks of clips and gaps with
 * their source ranges and media URLs. Top-level stack children other than tracks are skipped;
 * nested stacks and tracks inside a track are one `nested` item each (not flattened).
 */
export function readOtio(text: string): OtioReadTimeline {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidRequestError(`Not a readable OTIO file: invalid JSON (${reason}).`, 'file');
  }
  const timeline = parseWith(timelineSchema, json, 'timeline');
  const tracks: OtioReadTrack[] = [];
  timeline.tracks.children.forEach((child, index) => {
    const where = `tracks.children.${index}`;
    if (parseWith(item, child, where).OTIO_SCHEMA !== 'Track.1') return;
    const track = parseWith(composition, child, where);
    tracks.push({
      name: track.name ?? null,
      kind: track.kind ?? 'Video',
      items: readChildren(track.children, where, 1),
    });
  });
  return {
    name: timeline.name ?? null,
    metadata: timeline.metadata ?? {},
    globalStartTime: timeline.global_start_time ?? null,
    tracks,
  };
}
