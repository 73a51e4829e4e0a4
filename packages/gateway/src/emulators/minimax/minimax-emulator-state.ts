import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatedJob } from '../emulated-renderer.js';
import type { EmulatorContext } from '../emulator-definition.js';
import { statusSabotage, type StatusSabotage } from '../emulator-triggers.js';

/** What both API versions remember: which version made a task, and v1's file ids. */
export interface MinimaxEmulatorState {
  context: EmulatorContext;
  versions: Map<string, 'v1' | 'v2'>;
  /** v1 hands out a file_id on Success; it maps back to the job. */
  files: Map<string, string>;
  fileIds: Map<string, string>;
  statusChecks: Map<string, number>;
  imageDir: string;
}

export function createState(context: EmulatorContext): MinimaxEmulatorState {
  return {
    context,
    versions: new Map(),
    files: new Map(),
    fileIds: new Map(),
    statusChecks: new Map(),
    imageDir: join(tmpdir(), `vgw-minimax-emulator-${randomUUID()}`),
  };
}

/** Writes a data: URL image for the renderer; other URLs are not fetched (no egress). */
export async function saveImage(state: MinimaxEmulatorState, url: unknown): Promise<string | null> {
  const match = typeof url === 'string' ? /^data:[\w.+-]+\/[\w.+-]+;base64,(.*)$/s.exec(url) : null;
  if (match == null) return null;
  await mkdir(state.imageDir, { recursive: true });
  const path = join(state.imageDir, `${randomUUID()}.png`);
  await writeFile(path, Buffer.from(match[1] ?? '', 'base64'));
  return path;
}

/**
 * Counts a status check and says whether a trigger makes this one misbehave. Counting only
 * earlier checks makes MiniMax's flap fail the first one.
 */
export function statusMisbehaviour(state: MinimaxEmulatorState, job: EmulatedJob): StatusSabotage {
  const earlier = state.statusChecks.get(job.id) ?? 0;
  state.statusChecks.set(job.id, earlier + 1);
  return statusSabotage({ triggers: job.triggers, checks: earlier });
}

/** The numeric file id v1 hands out for a finished job, the same on every query. */
export function fileIdFor(state: MinimaxEmulatorState, jobId: string): string {
  const known = state.fileIds.get(jobId);
  if (known != null) return known;
  const fileId = String(200_000_000_000_000 + state.fileIds.size);
  state.fileIds.set(jobId, fileId);
  state.files.set(fileId, jobId);
  return fileId;
}
