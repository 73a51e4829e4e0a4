import { afterEach, describe, expect, it } from 'vitest';
import { setProjectBudget } from '../cost/budget-admin.js';
import type { PolicyGate } from '../generation/policy-gate.js';
import { emptyProjectPolicy, type PolicyCheck } from '../policy/policy-check.js';
import { createPolicyEngine } from '../policy/policy-engine.js';
import { clipModel, postStoryboard, textOnlyModel } from '../test-support/storyboard-fixtures.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';

const files = { a: '/nowhere/a.mp4', b: '/nowhere/b.mp4', pikachu: '/nowhere/p.mp4' };

/** Refuses prompts naming the word, as a policy's text rules would. */
const wordCheck: PolicyCheck = {
  id: 'text',
  version: '1',
  stage: 'pre',
  failureMode: 'closed',
  accepts: { prompt: true, image: false },
  remote: false,
  async screen(input) {
    const hit = input.prompt?.includes('pikachu') === true;
    return {
      checkId: 'text',
      checkVersion: '1',
      stage: 'pre',
      param: input.param,
      findings: hit
        ? [
            {
              ruleId: 'text.characters',
              category: 'protected_characters',
              effect: 'block',
              score: 1,
            },
          ]
        : [],
      scores: {},
      latencyMs: 0.1,
    };
  },
};

function policy(): PolicyGate {
  return {
    engine: createPolicyEngine({ version: 'test-1', text: wordCheck, checks: [], now: () => 0 }),
    projectPolicy: async () => emptyProjectPolicy,
    audit: { append: async () => undefined },
    outputFailureMode: 'closed',
  };
}

describe.each(testDatabaseKinds())('storyboard admission on %s', (kind) => {
  let gateway: TestGateway | null = null;
  afterEach(async () => {
    await gateway?.dispose();
    gateway = null;
  });

  async function open(options: { policy?: boolean } = {}) {
    gateway = await createTestGateway(kind, [clipModel(files), textOnlyModel(files)], {
      ...(options.policy === true ? { policy: () => policy() } : {}),
    });
    return gateway;
  }

  async function counts(test: TestGateway) {
    const result = await test.test.database.query<{ videos: number; storyboards: number }>(
      `select (select count(*)::int from videos) as videos,
         (select count(*)::int from storyboards) as storyboards`,
    );
    return result.rows[0];
  }

  it('estimates every shot and the total without writing anything', async () => {
    const test = await open();
    const response = await test.postJson('/v1/storyboards/estimate', {
      shots: [{ prompt: 'a' }, { prompt: 'b', seconds: 8, continue: true }],
    });
    expect(response.status).toBe(200);
    const estimate = (await response.json()) as Record<string, any>;
    expect(estimate.object).toBe('storyboard.estimate');
    expect(estimate.shots.map((shot: { estimate_usd: string }) => shot.estimate_usd)).toEqual([
      '0.400000',
      '0.800000',
    ]);
    expect(estimate.cost.estimate_usd).toBe('1.200000');
    expect(await counts(test)).toEqual({ videos: 0, storyboards: 0 });
  });

  it('refuses a storyboard its budget cannot cover before any shot exists', async () => {
    const test = await open();
    await setProjectBudget(test.test.database, {
      projectName: 'test-project',
      apiKeyId: null,
      period: 'total',
      limitMicroUsd: 1_000_000,
    });
    const refused = await postStoryboard(test, {
      shots: [{ prompt: 'a' }, { prompt: 'b' }, { prompt: 'a', seconds: 4 }],
    });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('budget_exceeded');
    expect(refused.body.error.message).toContain('the total budget of project "test-project"');
    expect(refused.body.error.message).toContain('this storyboard is estimated at 1.200000 USD');
    expect(await counts(test)).toEqual({ videos: 0, storyboards: 0 });
    const fits = await postStoryboard(test, { shots: [{ prompt: 'a' }, { prompt: 'b' }] });
    expect(fits.status).toBe(200);
    expect(fits.body.cost).toEqual({ estimate_usd: '0.800000', settled_usd: null });
  });

  it('names the shot whose prompt the policy refuses', async () => {
    const test = await open({ policy: true });
    for (const path of ['/v1/storyboards', '/v1/storyboards/estimate']) {
      const response = await test.postJson(path, {
        shots: [{ prompt: 'a' }, { prompt: 'b' }, { prompt: 'a pikachu' }],
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: Record<string, any> };
      expect(body.error.code).toBe('content_policy_violation');
      expect(body.error.param).toBe('shots[2].prompt');
      expect(body.error.message).toMatch(/^shots\[2\]: the prompt was refused/);
      expect(body.error.policy.category).toBe('protected_characters');
    }
    expect(await counts(test)).toEqual({ videos: 0, storyboards: 0 });
  });

  it.each([
    ['no shots', { shots: [] }, 'shots'],
    ['101 shots', { shots: Array.from({ length: 101 }, () => ({ prompt: 'a' })) }, 'shots'],
    ['a shot without a prompt', { shots: [{ prompt: 'a' }, { seconds: 4 }] }, 'shots[1].prompt'],
    ['an unknown field', { shots: [{ prompt: 'a', colour: 'red' }] }, 'shots[0].colour'],
    [
      'continue on the first shot',
      { shots: [{ prompt: 'a', continue: true }] },
      'shots[0].continue',
    ],
    [
      'a prompt over the model limit',
      { shots: [{ prompt: 'a' }, { prompt: 'b'.repeat(1001) }] },
      'shots[1].prompt',
    ],
    [
      'an unknown model',
      { shots: [{ prompt: 'a' }, { prompt: 'b', model: 'nope' }] },
      'shots[1].model',
    ],
    [
      'an image that is not base64',
      { shots: [{ prompt: 'a' }, { prompt: 'b', image: 'data:image/png,abc' }] },
      'shots[1].image',
    ],
    [
      'an image that is no image',
      { shots: [{ prompt: 'a', image: 'aGVsbG8=' }] },
      'shots[0].image',
    ],
    [
      'continue on a model without image input',
      { shots: [{ prompt: 'a' }, { prompt: 'b', continue: true, model: 'fake/text-only' }] },
      'shots[1].continue',
    ],
  ])('refuses %s with a 400 naming the field', async (_label, body, param) => {
    const test = await open();
    const refused = await postStoryboard(test, body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.param).toBe(param);
    expect(await counts(test)).toEqual({ videos: 0, storyboards: 0 });
  });

  it('takes a continued shot on a model without image input as an error only there', async () => {
    const test = await open();
    const accepted = await postStoryboard(test, {
      model: 'fake/text-only',
      shots: [{ prompt: 'a' }, { prompt: 'b', model: 'fake/fake-1', continue: true }],
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.shots.map((shot: { model: string }) => shot.model)).toEqual([
      'fake/text-only',
      'fake/fake-1',
    ]);
  });
});
