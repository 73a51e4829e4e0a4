import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface OpenaiErrorFields {
  type?: string;
  param?: string | null;
  code?: string | null;
  headers?: Record<string, string>;
}

/** OpenAI's error body: `{ error: { message, type, param, code } }`. */
export function openaiError(
  context: Context,
  status: ContentfulStatusCode,
  message: string,
  fields: OpenaiErrorFields = {},
): Response {
  for (const [name, value] of Object.entries(fields.headers ?? {})) context.header(name, value);
  return context.json(
    {
      error: {
        message,
        type: fields.type ?? 'invalid_request_error',
        param: fields.param ?? null,
        code: fields.code ?? null,
      },
    },
    status,
  );
}

/** Bearer auth as api.openai.com answers it: no key and a wrong key are both 401. */
export function checkBearer(context: Context, apiKey: string): Response | null {
  const header = context.req.header('authorization');
  if (header == null || !header.startsWith('Bearer ')) {
    return openaiError(
      context,
      401,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
    );
  }
  if (header.slice('Bearer '.length) !== apiKey) {
    return openaiError(context, 401, 'Incorrect API key provided.', { code: 'invalid_api_key' });
  }
  return null;
}
