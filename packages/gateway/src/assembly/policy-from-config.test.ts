import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configSchema, type ConfigInput } from '../config/config-schema.js';
import { decompressionBombPng, jpegClaiming, testVideo } from '../policy/image/test-images.js';
import { completedWithFiles, createFakeVideoModel } from '../test-support/fake-video-model.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';
import { openAuditLog } from './open-audit-log.js';
import { loadPolicyPack, policyFromConfig } from './policy-from-config.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'vgw-policy-config-'));
});
afterAll(async () => rm(scratch, { recursive: true, force: true }));

const configOf = (policy: ConfigInput['policy'], dataDir = scratch) =>
  configSchema.parse({ dataDir, policy });

describe('the policy file', () => {
  it('stops the gateway on a YAML syntax error, naming the file and line', async () => {
    const file = join(scratch, 'broken.yaml');
    await writeFile(file, 'version: "1"\nlexicons:\n  - rule: a\n    terms: [unclosed\n');
    await expect(loadPolicyPack(configOf({ file }))).rejects.toThrow(/broken\.yaml:\d+/);
  });

  it('names a missing file', async () => {
    const file = join(scratch, 'absent.yaml');
    await expect(loadPolicyPack(configOf({ file }))).rejects.toThrow(
      /policy\.file: cannot read .*absent\.yaml/,
    );
  });

  it('refuses an allowlist entry that can never be allowlisted, naming the key', async () => {
    const config = configOf({ projects: { studio: { allowlist: ['sexual.explicit'] } } });
    const database = { query: async () => ({ rows: [], rowCount: 0 }) } as never;
    await expect(policyFromConfig(config, { database, fetch })).rejects.toThrow(
      /policy\.projects\.studio\.allowlist/,
    );
  });
});

describe.each(testDatabaseKinds())('the configured policy gate on %s', (kind) => {
  let gateway: TestGateway | null = null;
  afterEach(async () => {
    await gateway?.dispose();
    gateway = null;
  });

  async function open(policy: ConfigInput['policy']) {
    const model = createFakeVideoModel({
      statusScript: () => completedWithFiles(gateway!.storageDir, { video: 'out.mp4' }),
    });
    gateway = await createTestGateway(kind, [model], {
      policy: async ({ database, dataDir }) => {
        const built = await policyFromConfig(configOf(policy, dataDir), { database, fetch });
        if (built == null) throw new Error('policy is on');
        return built.gate;
      },
    });
    await writeFile(join(gateway.storageDir, 'out.mp4'), await testVideo());
    return gateway;
  }

  it('refuses a protected character before anything is stored, screens outputs, audits every decision', async () => {
    const gateway = await open({});
    const refused = await gateway.postVideo({ prompt: 'P.i.k.a.c.h.u surfing a wave' });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: Record<string, any> };
    expect(body.error).toMatchObject({ code: 'content_policy_violation', param: 'prompt' });
    expect(body.error.policy.rules).toContain('character.pikachu');
    const { rows } = await gateway.test.database.query('select id from videos');
    expect(rows).toHaveLength(0);

    const allowed = await gateway.postVideo({ prompt: 'a fox running through snow' });
    expect(allowed.status).toBe(200);
    const { id } = (await allowed.json()) as { id: string };
    await gateway.drain(gateway.newWorker(), 20);
    const video = (await (
      await gateway.app.request(`/v1/videos/${id}`, gateway.authorized())
    ).json()) as Record<string, any>;
    expect(video.status).toBe('completed');

    const config = configSchema.parse({ dataDir: gateway.storageDir });
    const log = await openAuditLog({ config, database: gateway.test.database }, { create: false });
    const page = await log.list({ limit: 10 });
    expect(page.records.map((record) => [record.operation, record.decision]).reverse()).toEqual([
      ['create', 'refused'],
      ['create', 'allowed'],
      ['output', 'allowed'],
    ]);
    const refusal = page.records.find((record) => record.decision === 'refused');
    expect(refusal?.promptHmac).toMatch(/^[0-9a-f]{64}$/);
    expect(refusal?.promptExcerpt).toBeNull();
    expect(JSON.stringify(page.records)).not.toContain('surfing');
    const output = page.records.find((record) => record.operation === 'output');
    const checkIds = output?.checks.map((check) => check.checkId) ?? [];
    // The first frame and four spread over the clip, each through both checks.
    expect(checkIds).toHaveLength(10);
    expect([...new Set(checkIds)].sort()).toEqual(['output.known-hash', 'output.nsfw']);
    expect(await log.verify()).toMatchObject({ ok: true, records: 3 });
  });

  it('honours a project allowlist and its excerpt opt-in, never for minors', async () => {
    const gateway = await open({
      projects: {
        'test-project': { allowlist: ['character.pikachu'], storeRefusedExcerpts: true },
      },
    });
    expect((await gateway.postVideo({ prompt: 'pikachu surfing a wave' })).status).toBe(200);
    expect((await gateway.postVideo({ prompt: 'darth vader surfing a wave' })).status).toBe(400);
    const config = configSchema.parse({ dataDir: gateway.storageDir });
    const log = await openAuditLog({ config, database: gateway.test.database }, { create: false });
    const refused = (await log.list({ limit: 10, decision: 'refused' })).records;
    expect(refused.map((record) => record.promptExcerpt)).toEqual(['darth vader surfing a wave']);
  });

  it('answers bad images with a 400 naming input_reference, before any screening', async () => {
    const gateway = await open({});
    const asDataUrl = (bytes: Buffer, type: string) =>
      `data:${type};base64,${bytes.toString('base64')}`;
    const cases: [Buffer, string][] = [
      [decompressionBombPng(), 'image/png'],
      [await jpegClaiming(20_000, 20_000), 'image/jpeg'],
      [await testVideo(), 'image/png'],
      [Buffer.from('garbage, not an image at all'), 'image/png'],
    ];
    for (const [bytes, type] of cases) {
      const response = await gateway.postVideo({
        prompt: 'a quiet lake',
        input_reference: { image_url: asDataUrl(bytes, type) },
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { param: string; code: string } };
      expect(body.error.param).toBe('input_reference');
    }
    const { rows } = await gateway.test.database.query('select id from videos');
    expect(rows).toHaveLength(0);
    expect(await readFile(join(gateway.storageDir, 'out.mp4'))).toBeTruthy();
  });
});
