import type { RequestOptions } from './client-options.js';
import type { Transport } from './transport.js';

/** `client.videos.ratings.create(id, body)`. */
export interface VideoRatingCreateParams {
  /** An integer from 1 to 5. */
  score: number;
  /** Up to 20 slugs of 1–40 characters: a-z, 0-9, `_` and `-`. */
  tags?: string[];
  /** Up to 2000 characters; kept with the rating, never used as a caption. */
  note?: string | null;
}

/** One API key's rating of a video; a key rates each video once and may change it. */
export interface VideoRating {
  object: 'video.rating';
  video_id: string;
  /** Null for ratings made through the embedded CLI. */
  api_key_id: string | null;
  score: number;
  tags: string[];
  note: string | null;
  /** Unix seconds. */
  created_at: number;
  /** Unix seconds. */
  updated_at: number;
}

export interface VideoRatingList {
  object: 'list';
  data: VideoRating[];
}

/** `ratings` on the video object: how many rated it, their mean, and each tag's count. */
export interface VideoRatingsSummary {
  count: number;
  average: number;
  tags: Record<string, number>;
}

/** `client.videos.ratings`: `/videos/{id}/ratings`. */
export class VideoRatings {
  private readonly transport: Transport;

  constructor(transport: Transport) {
    this.transport = transport;
  }

  /** Rates a completed video, or replaces this key's earlier rating of it. */
  async create(
    videoId: string,
    body: VideoRatingCreateParams,
    options?: RequestOptions,
  ): Promise<VideoRating> {
    const path = `/videos/${encodeURIComponent(videoId)}/ratings`;
    const request = { method: 'POST', path, body, options } as const;
    return (await this.transport.json<VideoRating>(request)).body;
  }

  /** Every key's rating of the video, oldest first. */
  async list(videoId: string, options?: RequestOptions): Promise<VideoRatingList> {
    const path = `/videos/${encodeURIComponent(videoId)}/ratings`;
    const request = { method: 'GET', path, options } as const;
    return (await this.transport.json<VideoRatingList>(request)).body;
  }
}
