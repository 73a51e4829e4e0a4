import { afterEach, describe, expect, it } from 'vitest';
import { createFakeVideoModel } from '../../test-support/fake-video-model.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../../test-support/test-gateway.js';
import { videoListSchema, videoObjectSchema } from './video-wire-schema.js';

const wireFields = Object.keys(videoObjectSchema.shape).sort();

describe.each(testDatabaseKinds())('the served video object on %s', (kind) => {
  let gateway: TestGateway | null = null;
  afterEach(async () => {
    await gateway?.dispose();
    gateway = null;
  });

  async function post(app: TestGateway, body: Record<string, unknown>) {
    const response = await app.postVideo(body);
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  }

  it('has exactly the wire schema’s fields, created, failed and listed', async () => {
    const model = createFakeVideoModel({
      statusScript: () => ({
        status: 'failed',
        error: {
          code: 'content_policy_violation',
          message: 'refused',
          param: 'prompt',
          retryable: false,
        },
      }),
    });
    gateway = await createTestGateway(kind, [model]);
    // A seed the model cannot honour, so the answer carries a warning to check as well.
    const created = await post(gateway, { prompt: 'a lighthouse', seed: 7 });
    expect(Object.keys(created).sort()).toEqual(wireFields);
    expect(videoObjectSchema.parse(created).warnings.length).toBeGreaterThan(0);

    await gateway.drain(gateway.newWorker());
    const read = await gateway.app.request(
      `/v1/videos/${String(created.id)}`,
      gateway.authorized(),
    );
    const failed = (await read.json()) as Record<string, unknown>;
    expect(Object.keys(failed).sort()).toEqual(wireFields);
    expect(videoObjectSchema.parse(failed)).toMatchObject({
      status: 'failed',
      error: { code: 'content_policy_violation', param: 'prompt' },
    });

    const listed = await gateway.app.request('/v1/videos', gateway.authorized());
    const page = videoListSchema.parse(await listed.json());
    expect(page).toMatchObject({ object: 'list', has_more: false, first_id: created.id });
    expect(page.data).toHaveLength(1);
  });

  it('is what the OpenAPI document publishes', async () => {
    gateway = await createTestGateway(kind, [createFakeVideoModel()]);
    const response = await gateway.app.request('/openapi.json');
    const document = (await response.json()) as {
      components: { schemas: Record<string, { properties: object; required: string[] }> };
    };
    const video = document.components.schemas.Video;
    expect(Object.keys(video?.properties ?? {}).sort()).toEqual(wireFields);
    expect(document.components.schemas.VideoList?.properties).toMatchObject({
      data: { items: { $ref: '#/components/schemas/Video' } },
    });
  });
});
