import type { CursorPage } from './cursor-page.js';

/**
 * What `list()` returns: await it for the first page, or iterate it directly with `for await`
 * for every item across all pages. The request starts on first use, so an unused promise never
 * produces an unhandled rejection.
 */
export class PagePromise<Item extends { id: string }>
  implements PromiseLike<CursorPage<Item>>, AsyncIterable<Item>
{
  private readonly load: () => Promise<CursorPage<Item>>;
  private pending: Promise<CursorPage<Item>> | undefined;

  constructor(load: () => Promise<CursorPage<Item>>) {
    this.load = load;
  }

  private firstPage(): Promise<CursorPage<Item>> {
    this.pending ??= this.load();
    return this.pending;
  }

  then<Fulfilled = CursorPage<Item>, Rejected = never>(
    onFulfilled?: ((page: CursorPage<Item>) => Fulfilled | PromiseLike<Fulfilled>) | null,
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Fulfilled | Rejected> {
    return this.firstPage().then(onFulfilled, onRejected);
  }

  catch<Rejected = never>(
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<CursorPage<Item> | Rejected> {
    return this.firstPage().catch(onRejected);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    const page = await this.firstPage();
    yield* page;
  }
}
