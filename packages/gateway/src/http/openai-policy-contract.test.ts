import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { policyFromConfig } from '../assembly/policy-from-config.js';
import { configSchema } from '../config/config-schema.js';
import { createFakeVideoModel } from '../test-support/fake-video-model.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';
import { listeningOpenAIClient } from '../test-support/listening-openai-client.js';
import type { ListeningOpenAIClient } from '../test-support/listening-openai-client.js';

/** The official openai client, unchanged, meets a refusal it can branch on and read. */
describe.each(testDatabaseKinds())('policy refusals through the openai client on %s', (kind) => {
  let gateway: TestGateway;
  let listening: ListeningOpenAIClient;
  let client: OpenAI;

  beforeEach(async () => {
    gateway = await createTestGateway(kind, [createFakeVideoModel()], {
      policy: async ({ database, dataDir }) => {
        const built = await policyFromConfig(configSchema.parse({ dataDir }), { database, fetch });
        return built!.gate;
      },
    });
    listening = await listeningOpenAIClient(gateway);
    client = listening.client;
  });

  afterEach(async () => {
    await listening.close();
    await gateway.dispose();
  });

  it('is a BadRequestError with the code, the param and the policy that refused', async () => {
    const refusal = await client.videos
      .create({ prompt: 'Ｐｉｋａｃｈｕ dancing in the rain', seconds: '4' })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(OpenAI.BadRequestError);
    const error = refusal as InstanceType<typeof OpenAI.BadRequestError>;
    expect(error.status).toBe(400);
    expect(error.code).toBe('content_policy_violation');
    expect(error.param).toBe('prompt');
    expect((error.error as { policy?: { rules: string[]; stage: string } }).policy).toMatchObject({
      rules: ['character.pikachu'],
      stage: 'pre',
    });
    expect(error.headers.get('x-should-retry')).toBe('false');

    const allowed = await client.videos.create({ prompt: 'a lighthouse at dusk', seconds: '4' });
    const remix = await client.videos
      .remix(allowed.id, { prompt: 'now Pikachu is on the lighthouse' })
      .catch((caught: unknown) => caught);
    expect(remix).toBeInstanceOf(OpenAI.BadRequestError);
    expect((remix as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('prompt');
  });
});
