import { z } from 'zod';
import { jobFiles } from './job-files.js';
import { readOptionalJson, writeFileAtomically } from './job-directory.js';

const stoppedSchema = z.object({ reason: z.enum(['cancelled', 'timeout']) });
export type StopReason = z.infer<typeof stoppedSchema>['reason'];

/**
 * Records that the gateway stopped the render. A killed shell never writes its exit file, so
 * without this marker later checks would report the render as interrupted.
 */
export async function markStopped(jobDir: string, reason: StopReason): Promise<void> {
  await writeFileAtomically(jobDir, jobFiles.stopped, JSON.stringify({ reason }));
}

/** Why the gateway stopped the render, or null when it did not. */
export async function readStopReason(jobDir: string): Promise<StopReason | null> {
  const parsed = stoppedSchema.safeParse(await readOptionalJson(jobDir, jobFiles.stopped));
  return parsed.success ? parsed.data.reason : null;
}
