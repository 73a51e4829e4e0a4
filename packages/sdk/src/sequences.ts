import type { RequestOptions } from './client-options.js';
import { CursorPage } from './cursor-page.js';
import type { CursorPageQuery } from './cursor-page.js';
import { PagePromise } from './page-promise.js';
import type { Transport } from './transport.js';
import type { CursorPageBody } from './types.js';
import type {
  Sequence,
  SequenceCreateParams,
  SequenceDeleted,
  SequenceExportParams,
  SequenceListParams,
  SequenceUpdateParams,
} from './sequence-types.js';

function sequencePath(id: string, suffix = ''): string {
  return `/sequences/${encodeURIComponent(id)}${suffix}`;
}

/** `client.sequences`: vgw's cuts of completed videos, and their export to editors. */
export class Sequences {
  private readonly transport: Transport;

  constructor(transport: Transport) {
    this.transport = transport;
  }

  async create(body: SequenceCreateParams, options?: RequestOptions): Promise<Sequence> {
    const request = { method: 'POST', path: '/sequences', body, options } as const;
    return (await this.transport.json<Sequence>(request)).body;
  }

  async retrieve(id: string, options?: RequestOptions): Promise<Sequence> {
    const request = { method: 'GET', path: sequencePath(id), options } as const;
    return (await this.transport.json<Sequence>(request)).body;
  }

  /** Changes fields; `clips` replaces the cut, `append_clips` extends it. */
  async update(
    id: string,
    body: SequenceUpdateParams,
    options?: RequestOptions,
  ): Promise<Sequence> {
    const request = { method: 'PATCH', path: sequencePath(id), body, options } as const;
    return (await this.transport.json<Sequence>(request)).body;
  }

  /** Await for the first page, or `for await` over every sequence across all pages. */
  list(query: SequenceListParams = {}, options?: RequestOptions): PagePromise<Sequence> {
    const fetchPage = async (pageQuery: CursorPageQuery): Promise<CursorPageBody<Sequence>> => {
      const request = {
        method: 'GET',
        path: '/sequences',
        query: { ...pageQuery },
        options,
      } as const;
      return (await this.transport.json<CursorPageBody<Sequence>>(request)).body;
    };
    return new PagePromise(async () => new CursorPage(await fetchPage(query), query, fetchPage));
  }

  async delete(id: string, options?: RequestOptions): Promise<SequenceDeleted> {
    const request = { method: 'DELETE', path: sequencePath(id), options } as const;
    return (await this.transport.json<SequenceDeleted>(request)).body;
  }

  /**
   * The export as a raw response, body unread: a timeline document or a `.zip` package, to
   * stream (`response.body`) or read whole. `vgw-warnings` (JSON) says what editors will conform;
   * `content-disposition` carries a file name.
   */
  export(id: string, params: SequenceExportParams, options?: RequestOptions): Promise<Response> {
    return this.transport.send({
      method: 'GET',
      path: sequencePath(id, '/export'),
      query: { format: params.format, version: params.version },
      accept: params.format === 'package' ? 'application/zip' : '*/*',
      streamBody: true,
      options,
    });
  }
}
