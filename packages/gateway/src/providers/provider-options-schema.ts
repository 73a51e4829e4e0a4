import { InvalidRequestError } from '@vgw/spec';
import type { z } from 'zod';

/**
 * A provider's `options` read through its schema, or a configuration error that names the
 * config path of the first bad entry (`providers.fal.options.endpoints.0.id`), so an operator
 * knows which line of the config file to fix.
 */
export function parseProviderOptions<Schema extends z.ZodType>(
  schema: Schema,
  provider: string,
  options: Record<string, unknown>,
): z.output<Schema> {
  const parsed = schema.safeParse(options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = ['providers', provider, 'options', ...(issue?.path ?? []).map(String)].join('.');
  throw new InvalidRequestError(
    `invalid ${path}: ${issue?.message ?? 'invalid'}`,
    path,
    'invalid_configuration',
  );
}
