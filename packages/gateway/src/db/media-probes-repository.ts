import type { Queryable } from './queryable.js';

/** A stored video file's frames, size and exact rate, as ffprobe read them once. */
export interface MediaProbeRecord {
  sha256: string;
  frames: number;
  width: number;
  height: number;
  rate: { numerator: number; denominator: number };
  hasAudio: boolean;
}

interface MediaProbeRow {
  sha256: string;
  frames: number;
  width: number;
  height: number;
  rate_numerator: number;
  rate_denominator: number;
  has_audio: boolean;
}

function fromRow(row: MediaProbeRow): MediaProbeRecord {
  return {
    sha256: row.sha256,
    frames: row.frames,
    width: row.width,
    height: row.height,
    rate: { numerator: row.rate_numerator, denominator: row.rate_denominator },
    hasAudio: row.has_audio,
  };
}

export async function findMediaProbes(
  client: Queryable,
  sha256s: readonly string[],
): Promise<Map<string, MediaProbeRecord>> {
  if (sha256s.length === 0) return new Map();
  const result = await client.query<MediaProbeRow>(
    'select * from media_probes where sha256 = any($1::text[])',
    [[...new Set(sha256s)]],
  );
  return new Map(result.rows.map((row) => [row.sha256, fromRow(row)]));
}

/** Two processes probing one blob at once store the same facts; the first write stays. */
export async function saveMediaProbe(client: Queryable, probe: MediaProbeRecord): Promise<void> {
  await client.query(
    `insert into media_probes
       (sha256, frames, width, height, rate_numerator, rate_denominator, has_audio)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (sha256) do nothing`,
    [
      probe.sha256,
      probe.frames,
      probe.width,
      probe.height,
      probe.rate.numerator,
      probe.rate.denominator,
      probe.hasAudio,
    ],
  );
}
