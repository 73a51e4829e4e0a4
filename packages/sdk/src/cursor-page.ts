import { VgwError } from './errors.js';
import type { CursorPageBody } from './types.js';

export interface CursorPageQuery {
  after?: string;
  limit?: number;
  order?: 'asc' | 'desc';
}

export type PageFetcher<Item> = (query: CursorPageQuery) => Promise<CursorPageBody<Item>>;

/**
 * One page of a cursor list. Iterating it with `for await` yields every item of this page and
 * of all the pages after it, fetching each next page with `after = last_id` while `has_more`.
 */
export class CursorPage<Item extends { id: string }> implements AsyncIterable<Item> {
  readonly data: Item[];
  readonly hasMore: boolean;
  readonly firstId: string | null;
  readonly lastId: string | null;
  /** The body as received. */
  readonly body: CursorPageBody<Item>;
  private readonly query: CursorPageQuery;
  private readonly fetchPage: PageFetcher<Item>;

  constructor(body: CursorPageBody<Item>, query: CursorPageQuery, fetchPage: PageFetcher<Item>) {
    this.body = body;
    this.data = body.data;
    this.hasMore = body.has_more;
    this.firstId = body.first_id;
    this.lastId = body.last_id;
    this.query = query;
    this.fetchPage = fetchPage;
  }

  /** The query for the next page, or null when there is none. */
  nextPageQuery(): CursorPageQuery | null {
    if (!this.hasMore) return null;
    const after = this.lastId ?? this.data.at(-1)?.id;
    // A cursor that does not advance would fetch the same page forever.
    if (after == null || after === this.query.after) return null;
    return { ...this.query, after };
  }

  hasNextPage(): boolean {
    return this.nextPageQuery() != null;
  }

  async getNextPage(): Promise<CursorPage<Item>> {
    const query = this.nextPageQuery();
    if (query == null) {
      throw new VgwError('No next page: check hasNextPage() before calling getNextPage().');
    }
    const body = await this.fetchPage(query);
    return new CursorPage(body, query, this.fetchPage);
  }

  /** This page, then each following page. */
  async *iterPages(): AsyncGenerator<CursorPage<Item>, void, undefined> {
    yield this;
    let next = this.hasNextPage() ? await this.getNextPage() : undefined;
    while (next != null) {
      yield next;
      next = next.hasNextPage() ? await next.getNextPage() : undefined;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.iterPages()) {
      yield* page.data;
    }
  }
}
