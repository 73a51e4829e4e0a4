import type { RequestOptions, SleepFunction } from './client-options.js';
import { CursorPage } from './cursor-page.js';
import type { CursorPageQuery } from './cursor-page.js';
import { isBlob, toMultipartBody } from './multipart.js';
import { PagePromise } from './page-promise.js';
import { pollUntilDone } from './poll-video.js';
import type { PollOptions } from './poll-video.js';
import type { JsonResult, Transport } from './transport.js';
import { VideoRatings } from './video-ratings.js';
import type { VideoScores } from './video-scores.js';
import type {
  Video,
  VideoContentParams,
  VideoCreateParams,
  VideoDeleted,
  VideoEstimate,
  VideoList,
  VideoListParams,
  VideoRemixParams,
} from './types.js';

export interface PollRequestOptions extends PollOptions {
  /** Sent with every request of the call. */
  headers?: Record<string, string>;
}

export interface CreateAndPollOptions extends PollRequestOptions {
  /** For the create request; one is generated when absent. */
  idempotencyKey?: string;
}

export interface Clock {
  sleep: SleepFunction;
  now: () => number;
}

function videoPath(id: string, suffix = ''): string {
  return `/videos/${encodeURIComponent(id)}${suffix}`;
}

function requestOptionsFor(options: PollRequestOptions, signal = options.signal): RequestOptions {
  const requestOptions: RequestOptions = {};
  if (options.headers != null) requestOptions.headers = options.headers;
  if (signal != null) requestOptions.signal = signal;
  return requestOptions;
}

/** `client.videos`: the `/videos` endpoints. */
export class Videos {
  private readonly transport: Transport;
  private readonly clock: Clock;
  /** vgw extension: `/videos/{id}/ratings`. */
  readonly ratings: VideoRatings;

  constructor(transport: Transport, clock: Clock) {
    this.transport = transport;
    this.clock = clock;
    this.ratings = new VideoRatings(transport);
  }

  /**
   * Starts a render. A Blob/File `input_reference` is uploaded as multipart/form-data. Sends an
   * `Idempotency-Key` (generated unless `options.idempotencyKey` is given) that every retry
   * repeats, so a retried create never makes a second video.
   */
  async create(body: VideoCreateParams, options?: RequestOptions): Promise<Video> {
    return (await this.createWithResponse(body, options)).body;
  }

  /**
   * vgw extension: what `create` with this body would render and cost, checked as a create
   * would be (a refusal is the same error), with nothing stored, reserved or rendered.
   */
  async estimate(body: VideoCreateParams, options?: RequestOptions): Promise<VideoEstimate> {
    const image = body.input_reference;
    const payload = isBlob(image) ? toMultipartBody(body, image) : body;
    const path = '/videos/estimate';
    return (
      await this.transport.json<VideoEstimate>({ method: 'POST', path, body: payload, options })
    ).body;
  }

  async retrieve(id: string, options?: RequestOptions): Promise<Video> {
    return (await this.retrieveWithResponse(id, options)).body;
  }

  /** Await for the first page, or `for await` over every video across all pages. */
  list(query: VideoListParams = {}, options?: RequestOptions): PagePromise<Video> {
    const fetchPage = async (pageQuery: CursorPageQuery): Promise<VideoList> => {
      const request = { method: 'GET', path: '/videos', query: { ...pageQuery }, options } as const;
      return (await this.transport.json<VideoList>(request)).body;
    };
    return new PagePromise(async () => new CursorPage(await fetchPage(query), query, fetchPage));
  }

  async delete(id: string, options?: RequestOptions): Promise<VideoDeleted> {
    const request = { method: 'DELETE', path: videoPath(id), options } as const;
    return (await this.transport.json<VideoDeleted>(request)).body;
  }

  /**
   * The raw response, body unread, so large files can be streamed (`response.body`) or read
   * whole (`arrayBuffer()`). Pass `headers: { range: 'bytes=0-1023' }` for a partial download.
   */
  downloadContent(
    id: string,
    query: VideoContentParams = {},
    options?: RequestOptions,
  ): Promise<Response> {
    return this.transport.send({
      method: 'GET',
      path: videoPath(id, '/content'),
      query: { variant: query.variant },
      accept: 'application/binary',
      streamBody: true,
      options,
    });
  }

  /** The temporal-stability score: where it stands, and the full result once completed. */
  async retrieveScores(id: string, options?: RequestOptions): Promise<VideoScores> {
    const request = { method: 'GET', path: videoPath(id, '/scores'), options } as const;
    return (await this.transport.json<VideoScores>(request)).body;
  }

  /** Scores a completed video again when its score failed (or it has none); else its state. */
  async rescore(id: string, options?: RequestOptions): Promise<VideoScores> {
    const request = { method: 'POST', path: videoPath(id, '/scores'), options } as const;
    return (await this.transport.json<VideoScores>(request)).body;
  }

  async remix(id: string, body: VideoRemixParams, options?: RequestOptions): Promise<Video> {
    const request = { method: 'POST', path: videoPath(id, '/remix'), body, options } as const;
    return (await this.transport.json<Video>(request)).body;
  }

  /** Polls an existing video until it is completed or failed; see `createAndPoll`. */
  async poll(id: string, options: PollRequestOptions = {}): Promise<Video> {
    const startedAt = this.clock.now();
    const first = await this.retrieveWithResponse(id, requestOptionsFor(options));
    return this.pollFrom(first, startedAt, options);
  }

  /**
   * Creates a video and polls until it is completed or failed, returning the final video (a
   * failed one is returned, not thrown). Honours `openai-poll-after-ms`; throws
   * PollTimeoutError after `timeoutMs` (default 30 minutes).
   */
  async createAndPoll(body: VideoCreateParams, options: CreateAndPollOptions = {}): Promise<Video> {
    const startedAt = this.clock.now();
    const createOptions = requestOptionsFor(options);
    if (options.idempotencyKey != null) createOptions.idempotencyKey = options.idempotencyKey;
    const first = await this.createWithResponse(body, createOptions);
    return this.pollFrom(first, startedAt, options);
  }

  private pollFrom(
    first: JsonResult<Video>,
    startedAt: number,
    options: PollRequestOptions,
  ): Promise<Video> {
    const id = first.body.id;
    const dependencies = {
      retrieve: (signal: AbortSignal | undefined) =>
        this.retrieveWithResponse(id, requestOptionsFor(options, signal)),
      sleep: this.clock.sleep,
      now: this.clock.now,
    };
    return pollUntilDone(first, startedAt, dependencies, options);
  }

  private createWithResponse(
    body: VideoCreateParams,
    options: RequestOptions | undefined,
  ): Promise<JsonResult<Video>> {
    const image = body.input_reference;
    const payload = isBlob(image) ? toMultipartBody(body, image) : body;
    return this.transport.json<Video>({ method: 'POST', path: '/videos', body: payload, options });
  }

  private retrieveWithResponse(
    id: string,
    options: RequestOptions | undefined,
  ): Promise<JsonResult<Video>> {
    return this.transport.json<Video>({ method: 'GET', path: videoPath(id), options });
  }
}
