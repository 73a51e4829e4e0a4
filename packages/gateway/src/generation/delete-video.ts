import type { CostPolicy } from '../cost/cost-policy.js';
import { settlementOfFailure } from '../cost/settlement.js';
import { settleOpenReservation } from '../db/ledger-settlement.js';
import type { Database } from '../db/queryable.js';
import { deleteVideo as deleteVideoRow, findVideo } from '../db/videos-repository.js';
import type { ModelRegistry } from '../providers/model-registry.js';
import type { ContentStore } from '../storage/content-store.js';

export interface DeleteVideoDeps {
  database: Database;
  registry: ModelRegistry;
  store: ContentStore;
  cost: CostPolicy;
  logger: { warn(object: object, message: string): void };
}

/**
 * Deletes a video and the files no other video shares. A render still running is cancelled
 * upstream first (best effort: the engine may have finished meanwhile).
 */
export async function deleteVideo(
  deps: DeleteVideoDeps,
  projectId: string,
  id: string,
): Promise<boolean> {
  const video = await findVideo(deps.database, projectId, id);
  if (video == null) return false;
  if (video.status === 'in_progress' && video.operation != null) {
    try {
      const entry = deps.registry.resolve(video.model);
      await entry.model.doCancel?.({ operation: video.operation });
    } catch (error) {
      deps.logger.warn({ videoId: id, error: String(error) }, 'cancel on delete failed');
    }
  }
  const unfinished = video.status === 'queued' || video.status === 'in_progress';
  // Deleting an unfinished video cancels it: its reservation ends by the provider's rule for a
  // cancelled job, or costs nothing when no job was ever started upstream.
  const settlement = settlementOfFailure(
    deps.cost.billingOf(video.provider),
    { code: 'cancelled', message: 'deleted', retryable: false },
    video.operation != null,
  );
  const result = await deps.database.transaction(async (client) => {
    const deleted = await deleteVideoRow(client, projectId, id);
    if (deleted.deleted && unfinished) await settleOpenReservation(client, id, settlement);
    return deleted;
  });
  for (const hash of result.orphanedHashes) await deps.store.remove(hash);
  return result.deleted;
}
