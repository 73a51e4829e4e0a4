import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../media/bundled-binaries.js';
import { createLocalProvider } from '../providers/local/local-provider.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';

describe.each(testDatabaseKinds())('provider_options are checked at POST on %s', (kind) => {
  let gateway: TestGateway;
  let workDir: string;

  beforeEach(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'vgw-options-'));
    const model = createLocalProvider({
      ...bundledBinaryPaths(),
      workDir,
      renderTimeoutMs: 60_000,
    }).videoModel('local');
    gateway = await createTestGateway(kind, [model]);
  });
  afterEach(async () => {
    await gateway.dispose();
    await rm(workDir, { recursive: true, force: true });
  });

  const post = (options: string) =>
    gateway.postVideo(
      `{"prompt":"x","seconds":"1","size":"320x240","provider_options":{"local":${options}}}`,
    );

  it.each([
    ['{"crf":99}', 'provider_options.local.crf', 'invalid_value'],
    ['{"scene":"nope"}', 'provider_options.local.scene', 'invalid_value'],
    ['{"crf":"20"}', 'provider_options.local.crf', 'invalid_value'],
    ['{"sceen":"life"}', 'provider_options.local.sceen', 'unknown_parameter'],
    ['{"__proto__":{"crf":10}}', 'provider_options.local', 'invalid_value'],
  ])('%s is a 400 naming %s, and nothing is queued', async (options, param, code) => {
    const response = await post(options);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(response.status, JSON.stringify(body)).toBe(400);
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param, code });
    const count = await gateway.test.database.query<{ count: number }>(
      'select count(*)::int as count from videos',
    );
    expect(count.rows[0]?.count).toBe(0);
  });

  it('valid options are stored as sent', async () => {
    const response = await post('{"crf":30,"scene":"orbits"}');
    expect(response.status).toBe(200);
    const stored = await gateway.test.database.query<{ provider_options: unknown }>(
      'select provider_options from videos',
    );
    expect(stored.rows[0]?.provider_options).toEqual({ local: { crf: 30, scene: 'orbits' } });
  });
});
