import { AuthenticationError } from '@vgw/spec';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeVideoModel } from '../test-support/fake-video-model.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';

describe.each(testDatabaseKinds())('POST /v1/webhooks/{provider} on %s', (kind) => {
  let gateway: TestGateway;
  let parsed = 0;
  afterEach(async () => gateway.dispose());

  async function setup() {
    const model = createFakeVideoModel();
    model.parseWebhook = async (request) => {
      if (request.headers.get('x-fake-signature') !== 'valid') {
        throw new AuthenticationError('fake: webhook signature does not verify');
      }
      parsed += 1;
      const body = (await request.json()) as { job: string };
      const deliveryId = request.headers.get('webhook-id');
      return { operationMatch: { job: body.job }, ...(deliveryId != null ? { deliveryId } : {}) };
    };
    // An hour: the interval is then independent of how fast this machine sends 300 requests.
    gateway = await createTestGateway(kind, [model], { webhookWakeIntervalSeconds: 3600 });
    const created = await gateway.postVideo({ prompt: 'hooked' });
    const video = (await created.json()) as { id: string };
    await gateway.newWorker().runOnce();
    const started = await gateway.test.database.query<{ operation: { job: string } }>(
      `update videos set next_check_at = now() + interval '1 hour' where id = $1 returning operation`,
      [video.id],
    );
    return { id: video.id, job: started.rows[0]?.operation.job as string };
  }

  const hook = (body: unknown, signature = 'valid', provider = 'fake', webhookId?: string) =>
    gateway.app.request(`/v1/webhooks/${provider}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-fake-signature': signature,
        ...(webhookId != null ? { 'webhook-id': webhookId } : {}),
      },
      body: JSON.stringify(body),
    });

  /** As if a worker had just checked the render: its next check is far off again. */
  const checkedLater = (id: string) =>
    gateway.test.database.query(
      `update videos set next_check_at = now() + interval '1 hour' where id = $1`,
      [id],
    );

  it('brings the matching render’s status check forward, without an API key', async () => {
    const { id, job } = await setup();
    const response = await hook({ job });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ received: true, videos: 1 });
    const due = await gateway.test.database.query<{ due: boolean }>(
      'select next_check_at <= now() as due from videos where id = $1',
      [id],
    );
    expect(due.rows[0]?.due).toBe(true);
  });

  it('changes nothing for a bad signature, an unknown render or an unknown provider', async () => {
    const { id, job } = await setup();
    const forged = await hook({ job }, 'forged');
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe(
      'invalid_api_key',
    );
    expect(await (await hook({ job: 'someone-else' })).json()).toEqual({
      received: true,
      videos: 0,
    });
    expect((await hook({ job }, 'valid', 'nobody')).status).toBe(404);
    const due = await gateway.test.database.query<{ due: boolean }>(
      'select next_check_at <= now() as due from videos where id = $1',
      [id],
    );
    expect(due.rows[0]?.due).toBe(false);
  });

  it('acts once on a replayed delivery id', async () => {
    const { id, job } = await setup();
    expect(await (await hook({ job }, 'valid', 'fake', 'msg_1')).json()).toEqual({
      received: true,
      videos: 1,
    });
    await checkedLater(id);
    await gateway.test.database.query('update videos set woken_at = null');
    const replay = await hook({ job }, 'valid', 'fake', 'msg_1');
    expect(replay.status).toBe(202);
    expect(await replay.json()).toEqual({ received: true, videos: 0, duplicate: true });
    expect(await (await hook({ job }, 'valid', 'fake', 'msg_2')).json()).toEqual({
      received: true,
      videos: 1,
    });
  });

  it('brings one render forward at most once per interval, however many webhooks arrive', async () => {
    const { id, job } = await setup();
    let woken = 0;
    for (let index = 0; index < 300; index += 1) {
      const answer = (await (await hook({ job })).json()) as { videos: number };
      woken += answer.videos;
      await checkedLater(id);
    }
    expect(woken).toBe(1);
    await gateway.test.database.query(
      `update videos set woken_at = now() - interval '61 minutes' where id = $1`,
      [id],
    );
    expect(await (await hook({ job })).json()).toEqual({ received: true, videos: 1 });
  });

  it('refuses a body past the webhook cap before the adapter reads it', async () => {
    const { job } = await setup();
    parsed = 0;
    const response = await hook({ job, padding: 'x'.repeat(300 * 1024) });
    expect(response.status, await response.clone().text()).toBe(413);
    expect(((await response.json()) as { error: { param: string } }).error.param).toBe('body');
    expect(parsed).toBe(0);
  });
});
