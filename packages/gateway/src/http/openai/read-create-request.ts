import { GatewayError, InvalidRequestError } from '@vgw/spec';
import type { Context } from 'hono';
import { keyProblem } from './request-text.js';
import { throwIfBodyTooLarge } from '../middleware/body-too-large.js';

/**
 * Reads a create body as JSON or multipart/form-data (what the openai client sends) into one
 * plain object plus the uploaded image bytes, so both go through the same zod schema.
 */
export async function readCreateRequest(
  context: Context,
): Promise<{ body: unknown; upload: Uint8Array | null }> {
  const contentType = context.req.header('content-type') ?? '';
  if (contentType.startsWith('application/json'))
    return { body: await readJson(context), upload: null };
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

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON decoded strictly: invalid UTF-8 is refused rather than read with U+FFFD in its place, so
 * the prompt screened, stored and sent upstream is exactly the one the client sent.
 */
async function readJson(context: Context): Promise<unknown> {
  let text: string;
  try {
    text = strictUtf8.decode(await context.req.arrayBuffer());
  } catch (error) {
    throwIfBodyTooLarge(error);
    throw new InvalidRequestError(
      'the request body is not valid UTF-8',
      'body',
      'invalid_encoding',
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InvalidRequestError('the request body is not valid JSON', 'body', 'invalid_json');
  }
}

type FormFields = Record<string, unknown>;

/** Null-prototype objects: no field name can reach Object.prototype through them. */
function newFields(): FormFields {
  return Object.create(null) as FormFields;
}

function refuseFieldName(name: string): void {
  const nested = /^([^[\]]+)\[([^[\]]+)\]$/.exec(name);
  const parts = nested != null ? [nested[1] as string, nested[2] as string] : [name];
  for (const part of parts) {
    const problem = keyProblem(part);
    if (problem != null) {
      throw new InvalidRequestError(`form field "${name}": ${problem}`, name, 'invalid_value');
    }
  }
}

function assignField(body: FormFields, name: string, value: string | File): void {
  const nested = /^(\w+)\[(\w+)\]$/.exec(name);
  if (nested == null) {
    body[name] =
      name === 'provider_options' && typeof value === 'string'
        ? parseJsonField(name, value)
        : value;
    return;
  }
  const [, parentName, childName] = nested as unknown as [string, string, string];
  const existing = Object.hasOwn(body, parentName) ? body[parentName] : undefined;
  const parent = existing != null && typeof existing === 'object' ? existing : newFields();
  (parent as FormFields)[childName] = value;
  body[parentName] = parent;
}

async function readForm(context: Context): Promise<{ body: unknown; upload: Uint8Array | null }> {
  let form: Record<string, string | File>;
  try {
    form = await context.req.parseBody();
  } catch (error) {
    throwIfBodyTooLarge(error);
    throw new InvalidRequestError('the multipart body could not be parsed', 'body', 'invalid_body');
  }
  const body = newFields();
  let upload: Uint8Array | null = null;
  for (const [name, value] of Object.entries(form)) {
    refuseFieldName(name);
    if (name === 'input_reference' && typeof value !== 'string') {
      upload = new Uint8Array(await value.arrayBuffer());
    } else {
      assignField(body, name, value);
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
