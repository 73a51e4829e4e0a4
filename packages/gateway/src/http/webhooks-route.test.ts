import { AuthenticationError } from '@vgw/spec';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeVideoModel } from '../testing/fake-video-model.js';
import { testDatabaseKinds } from '../testing/test-databases.js';
import { createTestGateway, type TestGateway } from '../testing/test-gateway.js';

describe.each(testDatabaseKinds())('POST /v1/webhooks/{provider} on %s', (kind) => {
  let gateway: TestGateway;
  afterEach(async () => gateway.dispose());

  async function setup() {
    const model = createFakeVideoModel();
    model.parseWebhook = async (request) => {
      if (request.headers.get('x-fake-signature') !== 'valid') {
        throw new AuthenticationError('fake: webhook signature does not verify');
      }
      const body = (await request.json()) as { job: string };
      return { operationMatch: { job: body.job } };
    };
    gateway = await createTestGateway(kind, [model]);
    const created = await gateway.app.request(
      '/v1/videos',
      gateway.authorized({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: 'hooked' }),
      }),
    );
    const video = (await created.json()) as { id: string };
    await gateway.newWorker().runOnce();
    const started = await gateway.test.database.query<{ operation: { job: string } }>(
      `update videos set next_check_at = now() + interval '1 hour' where id = $1 returning operation`,
      [video.id],
    );
    return { id: video.id, job: started.rows[0]?.operation.job as string };
  }

  const hook = (body: unknown, signature = 'valid', provider = 'fake') =>
    gateway.app.request(`/v1/webhooks/${provider}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fake-signature': signature },
      body: JSON.stringify(body),
    });

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
});
