import { describe, expect, it } from 'vitest';
import { emptyProjectPolicy, type PolicyCheck, type ScreenInput } from './policy-check.js';
import { createPolicyEngine } from './policy-engine.js';
import type { PolicyCategory, PolicyStage } from './policy-types.js';

function check(
  id: string,
  options: {
    stage?: PolicyStage;
    failureMode?: 'open' | 'closed';
    image?: boolean;
    remote?: boolean;
    blocks?: (input: ScreenInput) => PolicyCategory | null;
    throws?: boolean;
    calls?: string[];
  },
): PolicyCheck {
  const reads = options.image === true;
  return {
    id,
    version: '1',
    stage: options.stage ?? 'pre',
    failureMode: options.failureMode ?? 'closed',
    accepts: { prompt: !reads, image: reads },
    remote: options.remote === true,
    async screen(input) {
      options.calls?.push(`${id}:${input.param}`);
      if (options.throws === true) throw new Error('endpoint unreachable');
      const category = options.blocks?.(input) ?? null;
      return {
        checkId: id,
        checkVersion: '1',
        stage: 'pre',
        param: input.param,
        findings:
          category != null
            ? [{ ruleId: `${id}.${category}`, category, effect: 'block', score: 1 }]
            : [],
        scores: {},
        latencyMs: 0.5,
      };
    },
  };
}

const byWord = (word: string, category: PolicyCategory) => (input: ScreenInput) =>
  input.prompt?.includes(word) === true ? category : null;

const png = { bytes: new Uint8Array([1, 2, 3]), mediaType: 'image/png' };

function engine(
  checks: PolicyCheck[],
  text = check('text', { blocks: byWord('minor', 'minors') }),
) {
  return createPolicyEngine({ version: 'test-1', text, checks, now: () => 0 });
}

describe('policy engine', () => {
  it('allows what no check blocks and reports every check that ran', async () => {
    const verdict = await engine([check('image', { image: true })]).screenRequest(
      { prompt: 'a cat on a sofa', image: png },
      emptyProjectPolicy,
    );
    expect(verdict).toMatchObject({ decision: 'allow', category: null, rules: [], param: null });
    expect(verdict.checks.map((outcome) => `${outcome.checkId}:${outcome.param}`)).toEqual([
      'text:prompt',
      'image:input_reference',
    ]);
  });

  it('names the refused input and the rules that fired', async () => {
    const verdict = await engine([
      check('image', { image: true, blocks: () => 'protected_characters' }),
    ]).screenRequest({ prompt: 'a cat', image: png }, emptyProjectPolicy);
    expect(verdict).toMatchObject({
      decision: 'refuse',
      param: 'input_reference',
      category: 'protected_characters',
      rules: ['image.protected_characters'],
      stage: 'pre',
      version: 'test-1',
    });
  });

  it('refuses on the prompt first when both inputs block', async () => {
    const verdict = await engine([
      check('image', { image: true, blocks: () => 'sexual' }),
    ]).screenRequest({ prompt: 'a minor', image: png }, emptyProjectPolicy);
    expect(verdict.param).toBe('prompt');
    expect(verdict.category).toBe('minors');
    expect(verdict.rules).toEqual(['text.minors', 'image.sexual']);
  });

  it('applies failure modes: closed refuses, open allows, both audited with the error', async () => {
    const closed = await engine([check('hook', { throws: true })]).screenRequest(
      { prompt: 'a cat', image: null },
      emptyProjectPolicy,
    );
    expect(closed).toMatchObject({
      decision: 'refuse',
      param: 'prompt',
      rules: ['hook:unavailable'],
    });
    const open = await engine([check('hook', { throws: true, failureMode: 'open' })]).screenRequest(
      { prompt: 'a cat', image: null },
      emptyProjectPolicy,
    );
    expect(open.decision).toBe('allow');
    expect(open.checks[1]?.error).toBe('hook failed: endpoint unreachable');
  });

  it('keeps the text check pre and fail-closed whatever it was configured as', async () => {
    const text = check('text', { stage: 'log-only', failureMode: 'open', throws: true });
    const verdict = await engine([], text).screenRequest(
      { prompt: 'a cat', image: null },
      emptyProjectPolicy,
    );
    expect(verdict).toMatchObject({ decision: 'refuse', rules: ['text:unavailable'] });
  });

  it('records log-only findings without refusing', async () => {
    const verdict = await engine([
      check('lexicon', { stage: 'log-only', blocks: byWord('cat', 'violence') }),
    ]).screenRequest({ prompt: 'a cat', image: null }, emptyProjectPolicy);
    expect(verdict.decision).toBe('allow');
    expect(verdict.checks[1]?.findings[0]?.ruleId).toBe('lexicon.violence');
  });

  it('lets a project log a category, except minors and real people', async () => {
    const project = {
      ...emptyProjectPolicy,
      logOnlyCategories: ['violence', 'minors'] as PolicyCategory[],
    };
    const violent = await engine([
      check('gore', { blocks: byWord('fight', 'violence') }),
    ]).screenRequest({ prompt: 'a fight', image: null }, project);
    expect(violent.decision).toBe('allow');
    const minors = await engine([]).screenRequest({ prompt: 'a minor', image: null }, project);
    expect(minors.decision).toBe('refuse');
  });

  it('calls remote checks only when the local ones allowed', async () => {
    const calls: string[] = [];
    const remote = check('moderation', { remote: true, calls });
    await engine([remote]).screenRequest({ prompt: 'a minor', image: null }, emptyProjectPolicy);
    expect(calls).toEqual([]);
    const verdict = await engine([remote]).screenRequest(
      { prompt: 'a cat', image: null },
      emptyProjectPolicy,
    );
    expect(calls).toEqual(['moderation:prompt']);
    expect(verdict.checks.map((outcome) => outcome.checkId)).toEqual(['text', 'moderation']);
  });

  it('screens output frames with the post checks only', async () => {
    const calls: string[] = [];
    const policy = engine([
      check('input-image', { image: true, calls }),
      check('output-image', { image: true, stage: 'post', calls, blocks: () => 'sexual' }),
    ]);
    const verdict = await policy.screenOutput([png, png], emptyProjectPolicy);
    expect(calls).toEqual(['output-image:output', 'output-image:output']);
    expect(verdict).toMatchObject({
      decision: 'refuse',
      param: 'output',
      stage: 'post',
      category: 'sexual',
    });
  });
});
