import { InvalidRequestError } from '@vgw/spec';
import { z } from 'zod';
import { maxClips, type ClipInput } from '../../sequences/resolve-clips.js';
import type { CreateSequenceInput } from '../../sequences/create-sequence.js';
import type { UpdateSequenceInput } from '../../sequences/update-sequence.js';
import { inspectJsonValue } from './inspect-json-value.js';
import { keyProblem } from './request-text.js';

const frameNumber = z.number().int().min(0);

const clipBodySchema = z
  .object({
    video_id: z.string({ error: 'video_id is required and must be a string' }),
    in: frameNumber.optional(),
    out: frameNumber.optional(),
    track: z.number().int().min(1).max(99).optional(),
  })
  .strict();

const clipsSchema = z.array(clipBodySchema).max(maxClips);
const fpsSchema = z.union([z.string(), z.number()], { error: 'fps must be a string or a number' });

export const createSequenceBodySchema = z
  .object({
    name: z.string().optional(),
    fps: fpsSchema,
    drop_frame: z.boolean().optional(),
    size: z.string().optional(),
    start_timecode: z.string().optional(),
    clips: clipsSchema,
  })
  .strict();

export const updateSequenceBodySchema = z
  .object({
    name: z.string().optional(),
    fps: fpsSchema.optional(),
    drop_frame: z.boolean().optional(),
    size: z.string().optional(),
    start_timecode: z.string().optional(),
    clips: clipsSchema.optional().describe('Replaces every clip.'),
    append_clips: clipsSchema.optional().describe('Added after the last clip.'),
  })
  .strict();

/** `clips.2.in` → `clips[2].in`, the way messages and `param` name array items. */
function paramOf(path: readonly PropertyKey[]): string | null {
  if (path.length === 0) return null;
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`,
    )
    .join('');
}

function parseBody<Schema extends z.ZodType>(schema: Schema, raw: unknown): z.infer<Schema> {
  if (raw == null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InvalidRequestError('the request body must be a JSON object', 'body');
  }
  for (const [name, value] of Object.entries(raw)) {
    const problem = keyProblem(name);
    if (problem != null) throw new InvalidRequestError(`body ${problem}`, name);
    inspectJsonValue(value, name, { maxDepth: 4, maxBytes: Number.POSITIVE_INFINITY });
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const at = paramOf(issue.path);
    const key = issue.keys[0] ?? '';
    const param = at != null ? `${at}.${key}` : key;
    throw new InvalidRequestError(`unknown parameter: ${param}`, param, 'unknown_parameter');
  }
  const param = paramOf(issue?.path ?? []);
  throw new InvalidRequestError(`${param ?? 'body'}: ${issue?.message ?? 'invalid'}`, param);
}

type ClipBody = z.infer<typeof clipBodySchema>;

function toClipInputs(clips: ClipBody[]): ClipInput[] {
  return clips.map((clip) => ({
    videoId: clip.video_id,
    ...(clip.in != null ? { in: clip.in } : {}),
    ...(clip.out != null ? { out: clip.out } : {}),
    ...(clip.track != null ? { track: clip.track } : {}),
  }));
}

export function parseCreateSequenceBody(raw: unknown, projectId: string): CreateSequenceInput {
  const body = parseBody(createSequenceBodySchema, raw);
  return {
    projectId,
    fps: body.fps,
    clips: toClipInputs(body.clips),
    ...(body.name != null ? { name: body.name } : {}),
    ...(body.drop_frame != null ? { dropFrame: body.drop_frame } : {}),
    ...(body.size != null ? { size: body.size } : {}),
    ...(body.start_timecode != null ? { startTimecode: body.start_timecode } : {}),
  };
}

export function parseUpdateSequenceBody(
  raw: unknown,
  projectId: string,
  id: string,
): UpdateSequenceInput {
  const body = parseBody(updateSequenceBodySchema, raw);
  return {
    projectId,
    id,
    ...(body.name != null ? { name: body.name } : {}),
    ...(body.fps != null ? { fps: body.fps } : {}),
    ...(body.drop_frame != null ? { dropFrame: body.drop_frame } : {}),
    ...(body.size != null ? { size: body.size } : {}),
    ...(body.start_timecode != null ? { startTimecode: body.start_timecode } : {}),
    ...(body.clips != null ? { clips: toClipInputs(body.clips) } : {}),
    ...(body.append_clips != null ? { appendClips: toClipInputs(body.append_clips) } : {}),
  };
}
