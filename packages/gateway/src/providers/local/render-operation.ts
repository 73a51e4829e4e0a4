import type { JSONValue } from '@vgw/spec';
import { isAbsolute, relative } from 'node:path';
import { z } from 'zod';

/** What the gateway stores for a local render; enough for any worker to check on it. */
export const renderOperationSchema = z.object({
  jobDir: z.string().min(1),
  pid: z.number().int().positive(),
  /** Milliseconds since the epoch, from the provider's clock. */
  startedAt: z.number().finite(),
  totalFrames: z.number().int().positive(),
  timeoutMs: z.number().positive(),
});

export type RenderOperation = z.infer<typeof renderOperationSchema>;

/** The operation as JSON for the gateway to store. */
export function toOperationJson(operation: RenderOperation): JSONValue {
  return { ...operation };
}

/**
 * Parses a stored operation; null when it is malformed or points outside the work directory
 * (the job directory is read and processes are signalled on its say-so).
 */
export function parseRenderOperation(value: JSONValue, workDir: string): RenderOperation | null {
  const parsed = renderOperationSchema.safeParse(value);
  if (!parsed.success) return null;
  const inside = relative(workDir, parsed.data.jobDir);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return parsed.data;
}
