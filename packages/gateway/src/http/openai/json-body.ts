import { GatewayError, InvalidRequestError } from '@vgw/spec';
import type { Context } from 'hono';
import type { z } from 'zod';
import { readCreateRequest } from './read-create-request.js';

/**
 * A JSON-only body through its zod schema: the first issue becomes a 400 naming its parameter
 * (`unknown_parameter` for keys the schema does not know), so no bad input reaches a query.
 */
export async function parseJsonBody<Schema extends z.ZodType>(
  context: Context,
  schema: Schema,
): Promise<z.infer<Schema>> {
  const contentType = context.req.header('content-type') ?? '';
  if (!contentType.startsWith('application/json')) {
    throw new GatewayError(
      `unsupported Content-Type "${contentType || '(none)'}": send application/json`,
      { status: 415, code: 'unsupported_content_type', param: 'Content-Type' },
    );
  }
  const { body } = await readCreateRequest(context);
  return parseWith(schema, body);
}

/** Validates an already decoded value the same way (for callers that are not HTTP). */
export function parseWith<Schema extends z.ZodType>(schema: Schema, raw: unknown): z.infer<Schema> {
  if (raw == null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InvalidRequestError('the request body must be an object', 'body', 'invalid_value');
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    throw new InvalidRequestError(
      `unknown parameter: ${issue.keys.join(', ')}`,
      issue.keys[0] ?? null,
      'unknown_parameter',
    );
  }
  const param = issue != null && issue.path.length > 0 ? issue.path.join('.') : null;
  throw new InvalidRequestError(
    `${param ?? 'body'}: ${issue?.message ?? 'invalid'}`,
    param,
    'invalid_value',
  );
}
