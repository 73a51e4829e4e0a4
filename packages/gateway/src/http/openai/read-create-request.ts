import { GatewayError, InvalidRequestError } from '@vgw/spec';
import type { Context } from 'hono';

/**
 * Reads a create body as JSON or multipart/form-data (what the openai client sends) into one
 * plain object plus the uploaded image bytes, so both go through the same zod schema.
 */
export async function readCreateRequest(
  context: Context,
): Promise<{ body: unknown; upload: Uint8Array | null }> {
  const contentType = context.req.header('content-type') ?? '';
  if (contentType.startsWith('application/json')) {
    try {
      return { body: await context.req.json(), upload: null };
    } catch (error) {
      throwIfTooLarge(error);
      throw new InvalidRequestError('the request body is not valid JSON', null, 'invalid_json');
    }
  }
  if (
    contentType.startsWith('multipart/form-data') ||
    contentType.startsWith('application/x-www-form-urlencoded')
  ) {
    return readForm(context);
  }
  throw new GatewayError(
    `unsupported Content-Type "${contentType || '(none)'}": send application/json or multipart/form-data`,
    { status: 415, code: 'unsupported_content_type', param: 'Content-Type' },
  );
}

async function readForm(context: Context): Promise<{ body: unknown; upload: Uint8Array | null }> {
  let form: Record<string, string | File>;
  try {
    form = await context.req.parseBody();
  } catch (error) {
    throwIfTooLarge(error);
    throw new InvalidRequestError('the multipart body could not be parsed', null, 'invalid_body');
  }
  const body: Record<string, unknown> = {};
  let upload: Uint8Array | null = null;
  for (const [name, value] of Object.entries(form)) {
    const nested = /^(\w+)\[(\w+)\]$/.exec(name);
    if (name === 'input_reference' && typeof value !== 'string') {
      upload = new Uint8Array(await value.arrayBuffer());
    } else if (nested != null) {
      const parent = (body[nested[1] as string] ??= {}) as Record<string, unknown>;
      parent[nested[2] as string] = value;
    } else if (name === 'provider_options' && typeof value === 'string') {
      body[name] = parseJsonField(name, value);
    } else {
      body[name] = value;
    }
  }
  return { body, upload };
}

function parseJsonField(name: string, value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw new InvalidRequestError(`${name} must be a JSON object`, name);
  }
}

/** Hono's body limit aborts the stream we are reading; report that as the 413 it is. */
function throwIfTooLarge(error: unknown): void {
  if ((error as Error | null)?.name === 'BodyLimitError') {
    throw new GatewayError('the request body is too large', {
      status: 413,
      code: 'request_too_large',
      param: 'body',
    });
  }
}
