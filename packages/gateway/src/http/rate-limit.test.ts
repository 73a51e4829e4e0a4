import { afterEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../auth/api-keys.js';
import { createFakeVideoModel } from '../test-support/fake-video-model.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';

describe.each(testDatabaseKinds())('create rate limits on %s', (kind) => {
  let gateway: TestGateway | null = null;
  afterEach(async () => {
    await gateway?.dispose();
    gateway = null;
  });

  const post = (open: TestGateway, key: string) =>
    open.app.request('/v1/videos', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'a fox' }),
    });

  /** Seconds to the reset, read back from a response. */
  const resetOf = (response: Response) => {
    const match = /^(?:(\d+)m)?(\d+)s$/.exec(
      response.headers.get('x-ratelimit-reset-requests') ?? '',
    );
    return match == null ? -1 : Number(match[1] ?? 0) * 60 + Number(match[2]);
  };

  /**
   * Windows are minutes of the database clock. Should the creates straddle a minute's end (the
   * reset then grows), they are made again with a fresh key: two ends cannot fall in a second.
   */
  async function createsInOneMinute(open: TestGateway, count: number): Promise<Response[]> {
    for (let tries = 0; ; tries += 1) {
      const key =
        tries === 0 ? open.apiKey : (await createApiKey(open.test.database, 'test-project')).key;
      const responses: Response[] = [];
      for (let index = 0; index < count; index += 1) responses.push(await post(open, key));
      const resets = responses.map(resetOf);
      if (resets.every((reset, index) => index === 0 || reset <= resets[index - 1]!) || tries > 0) {
        return responses;
      }
      await open.test.database.query('delete from ledger_entries');
      await open.test.database.query('delete from video_events');
      await open.test.database.query('delete from videos');
    }
  }

  it("answers OpenAI's headers on every create and a 429 past the key's limit", async () => {
    gateway = await createTestGateway(kind, [createFakeVideoModel()], {
      limits: { requestsPerMinute: 3 },
    });
    const responses = await createsInOneMinute(gateway, 4);
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 429]);
    expect(
      responses.map((response) => response.headers.get('x-ratelimit-remaining-requests')),
    ).toEqual(['2', '1', '0', '0']);
    for (const response of responses) {
      expect(response.headers.get('x-ratelimit-limit-requests')).toBe('3');
      // At most a minute away, in OpenAI's format (`12s`, or `1m0s` at a window's very start).
      expect(resetOf(response)).toBeGreaterThanOrEqual(0);
      expect(resetOf(response)).toBeLessThanOrEqual(60);
    }
    const refused = responses[3]!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('x-should-retry')).toBeNull();
    expect(((await refused.json()) as { error: Record<string, unknown> }).error).toMatchObject({
      type: 'requests',
      code: 'rate_limit_exceeded',
    });
    const { rows } = await gateway.test.database.query('select id from videos');
    expect(rows).toHaveLength(3);
    // Another key has its own window; reads and estimates are not counted.
    const other = await createApiKey(gateway.test.database, 'test-project');
    expect((await post(gateway, other.key)).status).toBe(200);
    const read = await gateway.app.request('/v1/videos', gateway.authorized());
    expect(read.headers.get('x-ratelimit-limit-requests')).toBeNull();
  });

  it('lets a project override the default, and adds nothing when no limit applies', async () => {
    gateway = await createTestGateway(kind, [createFakeVideoModel()], {
      limits: { projects: { 'test-project': { requestsPerMinute: 1 } } },
    });
    const [first, second] = await createsInOneMinute(gateway, 2);
    expect([first?.status, second?.status]).toEqual([200, 429]);
    const elsewhere = await createApiKey(gateway.test.database, 'unlimited');
    const free = await post(gateway, elsewhere.key);
    expect(free.status).toBe(200);
    expect(free.headers.get('x-ratelimit-limit-requests')).toBeNull();
  });
});
