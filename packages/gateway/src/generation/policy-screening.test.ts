import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyProjectPolicy, type PolicyCheck } from '../policy/policy-check.js';
import { createPolicyEngine } from '../policy/policy-engine.js';
import type { PolicyCategory } from '../policy/policy-types.js';
import { completedWithFiles, createFakeVideoModel } from '../test-support/fake-video-model.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';
import type { OutputLabeller } from './output-labeller.js';
import type { AuditEntry, PolicyGate } from './policy-gate.js';

/** A check refusing what contains a word (text) or any image (when `images`), by category. */
function wordCheck(
  id: string,
  word: string,
  category: PolicyCategory,
  stage: 'pre' | 'post' = 'pre',
): PolicyCheck {
  const image = stage === 'post' || word === '*image*';
  return {
    id,
    version: '1',
    stage,
    failureMode: 'closed',
    accepts: { prompt: !image, image },
    remote: false,
    async screen(input) {
      const hit = image ? input.image != null : input.prompt?.includes(word) === true;
      return {
        checkId: id,
        checkVersion: '1',
        stage,
        param: input.param,
        findings: hit ? [{ ruleId: `${id}.${category}`, category, effect: 'block', score: 1 }] : [],
        scores: {},
        latencyMs: 0.1,
      };
    },
  };
}

function gate(
  checks: PolicyCheck[],
  audit: AuditEntry[],
  sampleFrames?: PolicyGate['sampleFrames'],
): PolicyGate {
  return {
    engine: createPolicyEngine({
      version: 'test-7',
      text: wordCheck('text', 'pikachu', 'protected_characters'),
      checks,
      now: () => 0,
    }),
    projectPolicy: async () => emptyProjectPolicy,
    audit: { append: async (entry) => void audit.push(entry) },
    ...(sampleFrames != null ? { sampleFrames } : {}),
    outputFailureMode: 'closed',
  };
}

async function png(): Promise<string> {
  const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#f00' } })
    .png()
    .toBuffer();
  return `data:image/png;base64,${bytes.toString('base64')}`;
}

describe.each(testDatabaseKinds())('policy screening on %s', (kind) => {
  let gateway: TestGateway | null = null;
  afterEach(async () => {
    await gateway?.dispose();
    gateway = null;
  });

  async function open(
    checks: PolicyCheck[],
    audit: AuditEntry[],
    extra: { sampleFrames?: PolicyGate['sampleFrames']; labeller?: OutputLabeller } = {},
  ) {
    const model = createFakeVideoModel({
      statusScript: () => completedWithFiles(gateway!.storageDir, { video: 'out.mp4' }),
    });
    gateway = await createTestGateway(kind, [model], {
      policy: () => gate(checks, audit, extra.sampleFrames),
      ...(extra.labeller != null ? { labeller: extra.labeller } : {}),
    });
    await writeFile(join(gateway.storageDir, 'out.mp4'), Buffer.from('rendered mp4 bytes'));
    return { gateway, model };
  }

  async function counts(gateway: TestGateway) {
    const { rows } = await gateway.test.database.query<{ videos: string; ledger: string }>(
      `select (select count(*) from videos) as videos, (select count(*) from ledger_entries) as ledger`,
    );
    return { videos: Number(rows[0]?.videos), ledger: Number(rows[0]?.ledger) };
  }

  it('refuses a prompt with the policy field, no video row, no reservation, no upstream call', async () => {
    const audit: AuditEntry[] = [];
    const { gateway, model } = await open([], audit);
    const response = await gateway.postVideo({ prompt: 'pikachu surfing' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'content_policy_violation',
      param: 'prompt',
      policy: {
        version: 'test-7',
        category: 'protected_characters',
        rules: ['text.protected_characters'],
        stage: 'pre',
      },
    });
    expect(body.error.message).toContain('the prompt was refused by policy test-7');
    expect(await counts(gateway)).toEqual({ videos: 0, ledger: 0 });
    await gateway.drain(gateway.newWorker(), 3);
    expect(model.startCalls).toHaveLength(0);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      operation: 'create',
      videoId: null,
      prompt: 'pikachu surfing',
    });
    expect(audit[0]?.verdict.decision).toBe('refuse');
  });

  it('names input_reference when the image is what was refused', async () => {
    const audit: AuditEntry[] = [];
    const { gateway } = await open([wordCheck('known-image', '*image*', 'brands')], audit);
    const response = await gateway.postVideo({
      prompt: 'a sofa',
      input_reference: { image_url: await png() },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: Record<string, any> };
    expect(body.error.param).toBe('input_reference');
    expect(body.error.policy.category).toBe('brands');
    expect(audit[0]?.images).toEqual([
      { sha256: expect.stringMatching(/^[0-9a-f]{64}$/), phash: null },
    ]);
    expect(await counts(gateway)).toEqual({ videos: 0, ledger: 0 });
  });

  it('audits an allowed create with its video id, screens remixes and estimates the same way', async () => {
    const audit: AuditEntry[] = [];
    const { gateway } = await open([], audit);
    const created = await gateway.postVideo({ prompt: 'a fox in snow' });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    expect(audit[0]).toMatchObject({ operation: 'create', videoId: id });
    expect(audit[0]?.verdict.decision).toBe('allow');

    const remix = await gateway.postJson(`/v1/videos/${id}/remix`, { prompt: 'now with pikachu' });
    expect(remix.status).toBe(400);
    expect(((await remix.json()) as { error: { param: string } }).error.param).toBe('prompt');
    const estimate = await gateway.postJson('/v1/videos/estimate', { prompt: 'pikachu again' });
    expect(estimate.status).toBe(400);
    expect(audit.map((entry) => [entry.operation, entry.verdict.decision])).toEqual([
      ['create', 'allow'],
      ['remix', 'refuse'],
      ['estimate', 'refuse'],
    ]);
    expect(await counts(gateway)).toEqual({ videos: 1, ledger: 1 });
  });

  it('fails a render whose frames are refused, settles it billed and never serves it', async () => {
    const audit: AuditEntry[] = [];
    const frames: string[] = [];
    const { gateway } = await open(
      [wordCheck('output-image', '*image*', 'sexual', 'post')],
      audit,
      {
        sampleFrames: async (path) => {
          frames.push(path);
          return [new Uint8Array([1]), new Uint8Array([2])];
        },
      },
    );
    const { id } = (await (await gateway.postVideo({ prompt: 'a fox' })).json()) as { id: string };
    await gateway.drain(gateway.newWorker(), 20);
    const video = (await (
      await gateway.app.request(`/v1/videos/${id}`, gateway.authorized())
    ).json()) as Record<string, any>;
    expect(video.status).toBe('failed');
    expect(video.error).toMatchObject({ code: 'content_policy_violation', param: 'output' });
    expect(video.error.message).toContain('category sexual');
    expect(frames).toHaveLength(1);
    const content = await gateway.app.request(`/v1/videos/${id}/content`, gateway.authorized());
    expect(content.status).toBe(400);
    const { rows } = await gateway.test.database.query<{
      kind: string;
      rule: string | null;
      amount: string;
    }>(`select kind, rule, amount_micro_usd as amount from ledger_entries order by id`);
    expect(rows.map((row) => [row.kind, row.rule, Number(row.amount)])).toEqual([
      ['reserve', null, 400_000],
      ['settle', 'billed:output_refused', 400_000],
    ]);
    const files = await gateway.test.database.query(`select * from video_files`);
    expect(files.rows).toHaveLength(0);
    expect(audit.map((entry) => [entry.operation, entry.verdict.decision, entry.videoId])).toEqual([
      ['create', 'allow', id],
      ['output', 'refuse', id],
    ]);
  });

  it("audits a provider's own content refusal with its code", async () => {
    const audit: AuditEntry[] = [];
    const model = createFakeVideoModel({
      statusScript: () => ({
        status: 'failed',
        error: {
          code: 'content_policy_violation',
          message: 'SAFETY.INPUT.TEXT',
          retryable: false,
          param: 'prompt',
        },
      }),
    });
    gateway = await createTestGateway(kind, [model], { policy: () => gate([], audit) });
    const { id } = (await (await gateway.postVideo({ prompt: 'a fox' })).json()) as { id: string };
    await gateway.drain(gateway.newWorker(), 20);
    expect(audit.map((entry) => [entry.operation, entry.upstreamCode, entry.videoId])).toEqual([
      ['create', null, id],
      ['upstream', 'fake:content_policy_violation', id],
    ]);
    expect(audit[1]?.verdict).toMatchObject({
      decision: 'refuse',
      param: 'prompt',
      rules: ['upstream.fake'],
    });
  });

  it('stores the signed copy, or a sidecar served as variant c2pa, and shows the label', async () => {
    const labeller: OutputLabeller = {
      async label(inputPath) {
        const signedPath = `${inputPath}.signed`;
        await writeFile(signedPath, Buffer.from('signed mp4 bytes'));
        return {
          provenance: 'sidecar',
          signedPath: null,
          sidecar: new TextEncoder().encode('manifest store'),
          warning: 'the manifest could not be embedded: kept beside the file',
          dispose: async () => undefined,
        };
      },
    };
    const { gateway } = await open([], [], { labeller });
    const { id } = (await (await gateway.postVideo({ prompt: 'a fox' })).json()) as { id: string };
    await gateway.drain(gateway.newWorker(), 20);
    const video = (await (
      await gateway.app.request(`/v1/videos/${id}`, gateway.authorized())
    ).json()) as Record<string, any>;
    expect(video.status).toBe('completed');
    expect(video.provenance).toEqual({ c2pa: 'sidecar' });
    expect(video.warnings).toContainEqual({
      type: 'other',
      message: 'the manifest could not be embedded: kept beside the file',
    });
    const sidecar = await gateway.app.request(
      `/v1/videos/${id}/content?variant=c2pa`,
      gateway.authorized(),
    );
    expect(sidecar.status).toBe(200);
    expect(sidecar.headers.get('content-type')).toBe('application/c2pa');
    expect(await sidecar.text()).toBe('manifest store');
    const mp4 = await gateway.app.request(`/v1/videos/${id}/content`, gateway.authorized());
    expect(await mp4.text()).toBe('rendered mp4 bytes');
  });
});
