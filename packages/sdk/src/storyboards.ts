import type { RequestOptions } from './client-options.js';
import { CursorPage } from './cursor-page.js';
import type { CursorPageQuery } from './cursor-page.js';
import { PagePromise } from './page-promise.js';
import {
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_POLL_TIMEOUT_MS,
  POLL_AFTER_HEADER,
} from './poll-video.js';
import { VgwError } from './errors.js';
import { throwIfAborted } from './sleep.js';
import type {
  Storyboard,
  StoryboardCreateParams,
  StoryboardEstimate,
  StoryboardList,
} from './storyboard-types.js';
import type { JsonResult, Transport } from './transport.js';
import type { VideoListParams } from './types.js';
import type { Clock } from './videos.js';

export interface StoryboardPollOptions {
  /** Wait between checks when the server gives no hint; default 2 000. */
  pollIntervalMs?: number;
  /** Total time allowed; default 30 minutes. */
  timeoutMs?: number;
  onProgress?: (storyboard: Storyboard) => void | Promise<void>;
  signal?: AbortSignal;
}

function storyboardPath(id: string, suffix = ''): string {
  return `/storyboards/${encodeURIComponent(id)}${suffix}`;
}

function delayFrom(response: Response, fallbackMs: number): number {
  const hinted = Number(response.headers.get(POLL_AFTER_HEADER) ?? Number.NaN);
  return Number.isFinite(hinted) && hinted > 0 ? hinted : fallbackMs;
}

/** `client.storyboards`: vgw's `/storyboards` extension (a shot list as one stitched piece). */
export class Storyboards {
  private readonly transport: Transport;
  private readonly clock: Clock;

  constructor(transport: Transport, clock: Clock) {
    this.transport = transport;
    this.clock = clock;
  }

  /** Queues the storyboard; its whole estimate is checked against budgets first. */
  async create(body: StoryboardCreateParams, options?: RequestOptions): Promise<Storyboard> {
    const request = { method: 'POST', path: '/storyboards', body, options } as const;
    return (await this.transport.json<Storyboard>(request)).body;
  }

  /** Every shot planned and priced, as `create` would, with nothing stored or rendered. */
  async estimate(
    body: StoryboardCreateParams,
    options?: RequestOptions,
  ): Promise<StoryboardEstimate> {
    const request = { method: 'POST', path: '/storyboards/estimate', body, options } as const;
    return (await this.transport.json<StoryboardEstimate>(request)).body;
  }

  async retrieve(id: string, options?: RequestOptions): Promise<Storyboard> {
    return (await this.retrieveWithResponse(id, options)).body;
  }

  /** Await for the first page, or `for await` over every storyboard across all pages. */
  list(query: VideoListParams = {}, options?: RequestOptions): PagePromise<Storyboard> {
    const fetchPage = async (pageQuery: CursorPageQuery): Promise<StoryboardList> => {
      const query = { ...pageQuery };
      const request = { method: 'GET', path: '/storyboards', query, options } as const;
      return (await this.transport.json<StoryboardList>(request)).body;
    };
    return new PagePromise(async () => new CursorPage(await fetchPage(query), query, fetchPage));
  }

  /** The stitched MP4 as a raw response, body unread; pass a `range` header for a part. */
  downloadContent(id: string, options?: RequestOptions): Promise<Response> {
    return this.transport.send({
      method: 'GET',
      path: storyboardPath(id, '/content'),
      accept: 'application/binary',
      streamBody: true,
      options,
    });
  }

  /** Polls until the storyboard is completed or failed (a failed one is returned, not thrown). */
  async poll(id: string, options: StoryboardPollOptions = {}): Promise<Storyboard> {
    const startedAt = this.clock.now();
    const timeoutMs = options.timeoutMs ?? DEFAULT_POLL_TIMEOUT_MS;
    const deadline = startedAt + timeoutMs;
    const requestOptions = options.signal != null ? { signal: options.signal } : {};
    let current = await this.retrieveWithResponse(id, requestOptions);
    for (;;) {
      await options.onProgress?.(current.body);
      if (current.body.status === 'completed' || current.body.status === 'failed') {
        return current.body;
      }
      const remaining = deadline - this.clock.now();
      if (remaining <= 0) {
        throw new VgwError(
          `Storyboard ${id} is still ${current.body.status} after ${timeoutMs} ms of polling.`,
        );
      }
      const wait = delayFrom(current.response, options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS);
      await this.clock.sleep(Math.min(wait, remaining), options.signal);
      throwIfAborted(options.signal);
      current = await this.retrieveWithResponse(id, requestOptions);
    }
  }

  private retrieveWithResponse(
    id: string,
    options: RequestOptions | undefined,
  ): Promise<JsonResult<Storyboard>> {
    return this.transport.json<Storyboard>({ method: 'GET', path: storyboardPath(id), options });
  }
}
