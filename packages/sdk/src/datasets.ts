import type { RequestOptions } from './client-options.js';
import type { Transport } from './transport.js';

export type DatasetLayout = 'flat' | 'manifest';
export type DatasetConform = 'wan' | 'hunyuan' | 'ltx';

/** `client.datasets.create(body)`: which videos, and how to lay them out. */
export interface DatasetCreateParams {
  model?: string;
  /** A date (`2026-11-01`) or a time with its offset. */
  since?: string;
  /** A bare date includes that whole day (UTC). */
  until?: string;
  /** Lowest stability index, 0–100. */
  min_stability?: number;
  /** Lowest average rating, 1–5. */
  min_rating?: number;
  /** Only videos some rating tagged so. */
  tag?: string;
  /** Default `manifest`. */
  layout?: DatasetLayout;
  conform?: DatasetConform | null;
  /** 0–0.5, default 0.1. */
  val_fraction?: number;
}

export interface DatasetCounts {
  clips: number;
  train: number;
  validation: number;
  /** Videos in scope left out, by reason (`no_provenance`, `below_min_rating`, …). */
  excluded: Record<string, number>;
  bytes: number;
}

export interface Dataset {
  id: string;
  object: 'dataset';
  status: 'queued' | 'running' | 'completed' | 'failed';
  filters: Required<Pick<DatasetCreateParams, 'layout' | 'val_fraction'>> &
    Omit<DatasetCreateParams, 'layout' | 'val_fraction' | 'conform'> & {
      conform: DatasetConform | null;
    };
  counts: DatasetCounts | null;
  zip_bytes: number | null;
  error: { code: string; message: string } | null;
  created_at: number;
  completed_at: number | null;
}

export interface DatasetList {
  object: 'list';
  data: Dataset[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

const datasetPath = (id: string, suffix = '') => `/datasets/${encodeURIComponent(id)}${suffix}`;

/** `client.datasets`: vgw's `/datasets` extension (fine-tuning dataset exports). */
export class Datasets {
  private readonly transport: Transport;

  constructor(transport: Transport) {
    this.transport = transport;
  }

  /** Queues an export; poll `retrieve` until it is completed or failed. */
  async create(body: DatasetCreateParams = {}, options?: RequestOptions): Promise<Dataset> {
    const request = { method: 'POST', path: '/datasets', body, options } as const;
    return (await this.transport.json<Dataset>(request)).body;
  }

  async retrieve(id: string, options?: RequestOptions): Promise<Dataset> {
    const request = { method: 'GET', path: datasetPath(id), options } as const;
    return (await this.transport.json<Dataset>(request)).body;
  }

  /** One page, newest first. */
  async list(
    query: { after?: string; limit?: number } = {},
    options?: RequestOptions,
  ): Promise<DatasetList> {
    const request = { method: 'GET', path: '/datasets', query: { ...query }, options } as const;
    return (await this.transport.json<DatasetList>(request)).body;
  }

  /** The completed export's zip, body unread (stream `response.body`). */
  downloadContent(id: string, options?: RequestOptions): Promise<Response> {
    return this.transport.send({
      method: 'GET',
      path: datasetPath(id, '/content'),
      accept: 'application/zip',
      streamBody: true,
      options,
    });
  }
}
