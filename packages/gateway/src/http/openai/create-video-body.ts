import { InvalidRequestError, type JSONObject } from '@vgw/spec';
import { z } from 'zod';
import type { CreateVideoInput } from '../../generation/create-video-input.js';
import { inspectJsonValue, type JsonLimits } from './inspect-json-value.js';
import { keyProblem } from './request-text.js';

/** Engine options are a few flags and small maps; the cap keeps rows and logs small. */
export const providerOptionsLimits: JsonLimits = { maxDepth: 16, maxBytes: 16 * 1024 };
/** Other fields are scalars or one small object; the body limit bounds their size. */
const fieldLimits: JsonLimits = { maxDepth: 4, maxBytes: Number.POSITIVE_INFINITY };

const numberLike = (name: string) =>
  z.union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d+(\.\d+)?$/, `${name} must be a number`)
      .transform(Number),
  ]);

const imageReference = z
  .object({
    image_url: z.string().optional(),
    file_id: z.string().optional(),
  })
  .strict();

/** The JSON body, and the multipart fields once decoded into the same shape. */
export const createVideoBodySchema = z
  .object({
    prompt: z.string({ error: 'prompt is required and must be a string' }),
    model: z.string().min(1).optional(),
    seconds: numberLike('seconds').optional(),
    size: z.string().optional(),
    fps: numberLike('fps').optional(),
    seed: numberLike('seed')
      .refine(
        (value) => Number.isSafeInteger(value) && value >= 0,
        'seed must be a non-negative integer',
      )
      .optional(),
    input_reference: imageReference.optional(),
    provider_options: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  })
  .strict();

export type CreateVideoBody = z.infer<typeof createVideoBodySchema>;

/** Accepts only inline images: fetching a caller's URL from the server would be an SSRF hole. */
export function decodeImageReference(reference: z.infer<typeof imageReference>): Uint8Array {
  if (reference.file_id != null) {
    throw new InvalidRequestError(
      'input_reference.file_id is not supported; upload the image instead',
      'input_reference',
    );
  }
  const url = reference.image_url;
  const match = url != null ? /^data:([\w.+-]+\/[\w.+-]+)?(;base64)?,(.*)$/s.exec(url) : null;
  if (match == null || match[2] == null) {
    throw new InvalidRequestError(
      'input_reference.image_url must be a base64 data: URL (or upload the image as a file)',
      'input_reference',
    );
  }
  return Buffer.from(match[3] ?? '', 'base64');
}

/** Text and keys every field carries, checked before the schema so no path reaches the database. */
function inspectFields(raw: unknown): void {
  if (raw == null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InvalidRequestError('the request body must be an object', 'body', 'invalid_value');
  }
  for (const [name, value] of Object.entries(raw)) {
    const problem = keyProblem(name);
    if (problem != null) throw new InvalidRequestError(`body ${problem}`, name, 'invalid_value');
    inspectJsonValue(
      value,
      name,
      name === 'provider_options' ? providerOptionsLimits : fieldLimits,
    );
  }
}

export function parseCreateVideoBody(
  raw: unknown,
  upload: Uint8Array | null,
  remixedFromVideoId: string | null = null,
): CreateVideoInput {
  inspectFields(raw);
  const parsed = createVideoBodySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue != null && issue.path.length > 0 ? issue.path.join('.') : null;
    const message =
      issue?.code === 'unrecognized_keys'
        ? `unknown parameter: ${issue.keys.join(', ')}`
        : `${param ?? 'body'}: ${issue?.message ?? 'invalid'}`;
    const unknownParam = issue?.code === 'unrecognized_keys' ? (issue.keys[0] ?? null) : param;
    throw new InvalidRequestError(
      message,
      unknownParam,
      issue?.code === 'unrecognized_keys' ? 'unknown_parameter' : 'invalid_value',
    );
  }
  const body = parsed.data;
  const inputReference =
    upload ?? (body.input_reference != null ? decodeImageReference(body.input_reference) : null);
  return {
    prompt: body.prompt,
    model: body.model ?? null,
    seconds: body.seconds ?? null,
    size: body.size ?? null,
    fps: body.fps ?? null,
    seed: body.seed ?? null,
    inputReference,
    providerOptions: (body.provider_options ?? {}) as JSONObject,
    remixedFromVideoId,
  };
}
