import type { Database } from '../db/queryable.js';
import { deleteVideo as deleteVideoRow, findVideo } from '../db/videos-repository.js';
import type { ModelRegistry } from '../providers/model-registry.js';
import type { ContentStore } from '../storage/content-store.js';

export interface DeleteVideoDeps {
  database: Database;
  registry: ModelRegistry;
  store: ContentStore;
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
  const result = await deps.database.transaction((client) => deleteVideoRow(client, projectId, id));
  for (const hash of result.orphanedHashes) await deps.store.remove(hash);
  return result.deleted;
}
