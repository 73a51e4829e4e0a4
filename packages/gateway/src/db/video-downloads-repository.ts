import type { Queryable } from './queryable.js';

/**
 * Records the first time a video's file was served. Only the first download writes: later ones
 * match no row, so serving a popular video again costs a lookup by primary key and no new row
 * version.
 */
export async function markVideoDownloaded(client: Queryable, videoId: string): Promise<void> {
  await client.query(
    'update videos set first_downloaded_at = now() where id = $1 and first_downloaded_at is null',
    [videoId],
  );
}
