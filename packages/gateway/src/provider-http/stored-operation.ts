import { ProviderApiError } from '@vgw/spec';
import type { z } from 'zod';

/**
 * Reads back the operation JSON the gateway stored for a render. A value the schema refuses is
 * final (`invalid_operation`, not retryable): checking it again cannot make it valid.
 * `describe` is the message, or builds it from zod's first complaint.
 */
export function parseStoredOperation<Schema extends z.ZodType>(
  provider: string,
  schema: Schema,
  value: unknown,
  describe: string | ((reason: string) => string),
): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const message =
    typeof describe === 'string'
      ? describe
      : describe(parsed.error.issues[0]?.message ?? 'invalid');
  throw new ProviderApiError(provider, message, { code: 'invalid_operation', retryable: false });
}
