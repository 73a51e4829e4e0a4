import { InvalidRequestError } from '@vgw/spec';
import { z } from 'zod';

export const maxShots = 100;

const numberLike = (name: string) =>
  z.union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/, `${name} must be a number`)
      .transform(Number),
  ]);

const shotSchema = z
  .object({
    prompt: z.string({ error: 'prompt is required and must be a string' }).min(1),
    seconds: numberLike('seconds')
      .refine((value) => value > 0, 'seconds must be positive')
      .optional(),
    model: z.string().min(1).optional(),
    image: z
      .string()
      .min(1)
      .optional()
      .describe('An input image for the shot: a base64 `data:` URL, or plain base64.'),
    continue: z
      .boolean()
      .optional()
      .describe("Start from the previous shot's last frame (targets with image input only)."),
    seed: z
      .number()
      .refine(
        (value) => Number.isSafeInteger(value) && value >= 0,
        'seed must be a non-negative integer',
      )
      .optional(),
  })
  .strict();

/** The storyboard body (HTTP JSON, or a CLI file once its image paths are read). */
export const storyboardInputSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      // eslint-disable-next-line no-control-regex -- control codes are exactly what is refused
      .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'name must have no control characters')
      .optional()
      .describe('Also the name of its sequence.'),
    fps: numberLike('fps').optional(),
    size: z.string().optional(),
    model: z
      .string()
      .min(1)
      .optional()
      .describe('The model or route every shot renders on unless the shot names its own.'),
    shots: z
      .array(shotSchema, { error: 'shots is required and must be an array' })
      .min(1, 'a storyboard needs at least one shot')
      .max(maxShots, `a storyboard takes at most ${maxShots} shots`),
  })
  .strict();

export type StoryboardInputBody = z.infer<typeof storyboardInputSchema>;

export interface StoryboardShotInput {
  prompt: string;
  seconds: number | null;
  model: string | null;
  image: Uint8Array | null;
  continue: boolean;
  seed: number | null;
}

/** A storyboard request as parsed: images decoded, absent fields null. */
export interface StoryboardInput {
  name: string | null;
  fps: number | null;
  size: string | null;
  model: string | null;
  shots: StoryboardShotInput[];
}

/** `shots.3.prompt` → `shots[3].prompt`, the way a client writes the path. */
export function paramPath(path: readonly PropertyKey[]): string | null {
  if (path.length === 0) return null;
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function decodeImage(text: string, param: string): Uint8Array {
  const match = /^data:([\w.+-]+\/[\w.+-]+)?(;base64)?,(.*)$/s.exec(text);
  if (match != null && match[2] == null) {
    throw new InvalidRequestError(`${param} must be base64 (a ;base64 data: URL)`, param);
  }
  const base64 = match != null ? (match[3] ?? '') : text;
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(base64)) {
    throw new InvalidRequestError(`${param} must be a base64 data: URL or base64 text`, param);
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.byteLength === 0) throw new InvalidRequestError(`${param} is empty`, param);
  return new Uint8Array(bytes);
}

function refuseIssue(error: z.ZodError): never {
  const issue = error.issues[0];
  const param = issue != null ? paramPath(issue.path) : null;
  if (issue?.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const unknown = param != null ? `${param}.${key}` : key;
    throw new InvalidRequestError(`unknown parameter: ${unknown}`, unknown, 'unknown_parameter');
  }
  throw new InvalidRequestError(
    `${param ?? 'body'}: ${issue?.message ?? 'invalid'}`,
    param,
    'invalid_value',
  );
}

/** Parses a storyboard body; every refusal is a 400 naming the field (`shots[2].prompt`). */
export function parseStoryboardInput(raw: unknown): StoryboardInput {
  if (raw == null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InvalidRequestError('the storyboard must be an object', 'body', 'invalid_value');
  }
  const parsed = storyboardInputSchema.safeParse(raw);
  if (!parsed.success) refuseIssue(parsed.error);
  const body = parsed.data;
  const shots = body.shots.map((shot, index) => {
    if (shot.continue === true && index === 0) {
      throw new InvalidRequestError(
        'shots[0].continue: the first shot has no previous shot to continue from',
        'shots[0].continue',
      );
    }
    if (shot.continue === true && shot.image != null) {
      throw new InvalidRequestError(
        `shots[${index}]: give either image or continue, not both (continue takes the previous shot's last frame as the image)`,
        `shots[${index}].image`,
      );
    }
    return {
      prompt: shot.prompt,
      seconds: shot.seconds ?? null,
      model: shot.model ?? null,
      image: shot.image != null ? decodeImage(shot.image, `shots[${index}].image`) : null,
      continue: shot.continue === true,
      seed: shot.seed ?? null,
    };
  });
  return {
    name: body.name ?? null,
    fps: body.fps ?? null,
    size: body.size ?? null,
    model: body.model ?? null,
    shots,
  };
}
