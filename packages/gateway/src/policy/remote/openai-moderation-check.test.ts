import OpenAI from 'openai';
import type {
  Moderation,
  ModerationCreateParams,
  ModerationCreateResponse,
} from 'openai/resources/moderations';
import { describe, expect, it } from 'vitest';
import { jsonReply, recordingFetch } from '../../test-support/recording-fetch.js';
import { openAIModerationCheck } from './openai-moderation-check.js';
import type { OpenAIModerationCheckOptions } from './openai-moderation-check.js';
import {
  abortedFetch,
  checkBuilder,
  clockReading,
  loopbackJsonServer,
  png,
  pngDataUrl,
} from './test-support/remote-check-fixtures.js';

const apiKey = 'sk-test-4f9c2a7e1b';

type Category = keyof Moderation.Categories;
const textOnly = new Set<Category>([
  'harassment',
  'harassment/threatening',
  'hate',
  'hate/threatening',
  'illicit',
  'illicit/violent',
  'sexual/minors',
]);

/**
 * A moderation answer in the API's full shape (typed by the official SDK, so a change there
 * breaks typecheck here): every category present, scores low unless `flagged` raises them.
 */
function moderationAnswer(
  flagged: Partial<Record<Category, number>> = {},
): ModerationCreateResponse {
  const names = Object.keys({
    harassment: 0,
    'harassment/threatening': 0,
    hate: 0,
    'hate/threatening': 0,
    illicit: 0,
    'illicit/violent': 0,
    'self-harm': 0,
    'self-harm/instructions': 0,
    'self-harm/intent': 0,
    sexual: 0,
    'sexual/minors': 0,
    violence: 0,
    'violence/graphic': 0,
  } satisfies Record<Category, number>) as Category[];
  const categories = {} as Moderation.Categories;
  const scores = {} as Moderation.CategoryScores;
  const applied = {} as Record<Category, Array<'text' | 'image'>>;
  for (const name of names) {
    const score = flagged[name];
    categories[name] = score != null;
    scores[name] = score ?? 0.000012;
    applied[name] = textOnly.has(name) ? ['text'] : ['text', 'image'];
  }
  return {
    id: 'modr-8a1f3c5e9d',
    model: 'omni-moderation-2024-09-26',
    results: [
      {
        flagged: Object.keys(flagged).length > 0,
        categories,
        category_scores: scores,
        category_applied_input_types: applied as Moderation.CategoryAppliedInputTypes,
      },
    ],
  };
}

const check = checkBuilder<OpenAIModerationCheckOptions>(openAIModerationCheck, {
  apiKey,
  timeoutMs: 2000,
  failureMode: 'closed',
});

describe('openAIModerationCheck', () => {
  it('posts the prompt and the image as one multimodal input, and allows a clean answer', async () => {
    const recorder = recordingFetch(jsonReply(moderationAnswer()));
    const moderation = check(recorder.fetch, { now: clockReading(100, 142.5) });
    const outcome = await moderation.screen(
      { prompt: 'a lighthouse at dusk', image: png },
      { param: 'prompt' },
    );
    expect(recorder.calls).toHaveLength(1);
    const call = recorder.calls[0]!;
    expect(call.url).toBe('https://api.openai.com/v1/moderations');
    expect(call.method).toBe('POST');
    expect(call.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(call.headers['content-type']).toBe('application/json');
    const expected: ModerationCreateParams = {
      model: 'omni-moderation-latest',
      input: [
        { type: 'text', text: 'a lighthouse at dusk' },
        { type: 'image_url', image_url: { url: pngDataUrl } },
      ],
    };
    expect(call.body).toEqual(expected);
    expect(outcome).toEqual({
      checkId: 'openai-moderation',
      checkVersion: '1:omni-moderation-latest',
      stage: 'pre',
      param: 'prompt',
      findings: [],
      scores: expect.objectContaining({ sexual: 0.000012, 'sexual/minors': 0.000012 }),
      latencyMs: 42.5,
    });
    expect(Object.keys(outcome.scores)).toHaveLength(13);
    expect(outcome.error).toBeUndefined();
  });

  it('refuses flagged categories under ours, with OpenAI names in the rule ids', async () => {
    const answer = moderationAnswer({ sexual: 0.97, 'sexual/minors': 0.91, harassment: 0.6 });
    const recorder = recordingFetch(jsonReply(answer));
    const outcome = await check(recorder.fetch).screen({ prompt: 'x' }, { param: 'prompt' });
    expect(outcome.findings).toEqual([
      { ruleId: 'openai.sexual', category: 'sexual', effect: 'block', score: 0.97 },
      { ruleId: 'openai.sexual.minors', category: 'minors', effect: 'block', score: 0.91 },
      { ruleId: 'openai.harassment', category: 'hate', effect: 'block', score: 0.6 },
    ]);
    expect(outcome.scores['sexual/minors']).toBe(0.91);
  });

  it.each([
    ['violence/graphic', 'violence'],
    ['self-harm/intent', 'self_harm'],
    ['hate/threatening', 'hate'],
    ['harassment/threatening', 'violence'],
    ['illicit/violent', 'weapons'],
  ] as const)('maps %s to %s', async (category, ours) => {
    const recorder = recordingFetch(jsonReply(moderationAnswer({ [category]: 0.8 })));
    const outcome = await check(recorder.fetch).screen({ prompt: 'x' }, { param: 'prompt' });
    expect(outcome.findings.map((finding) => finding.category)).toEqual([ours]);
  });

  it('sends an image alone as one image part (a post-check frame), on a configured base URL', async () => {
    const recorder = recordingFetch(jsonReply(moderationAnswer({ 'violence/graphic': 0.88 })));
    const moderation = check(recorder.fetch, {
      baseURL: 'https://moderation.internal/v1/',
      model: 'omni-moderation-2024-09-26',
      stage: 'post',
    });
    const outcome = await moderation.screen({ image: png }, { param: 'output' });
    expect(recorder.calls[0]!.url).toBe('https://moderation.internal/v1/moderations');
    expect(recorder.calls[0]!.body).toEqual({
      model: 'omni-moderation-2024-09-26',
      input: [{ type: 'image_url', image_url: { url: pngDataUrl } }],
    });
    expect(outcome).toMatchObject({ stage: 'post', param: 'output' });
    expect(outcome.checkVersion).toBe('1:omni-moderation-2024-09-26');
    expect(outcome.findings[0]).toMatchObject({ ruleId: 'openai.violence.graphic' });
  });

  it('makes no call when there is nothing to screen', async () => {
    const recorder = recordingFetch(() => undefined);
    const outcome = await check(recorder.fetch).screen({ prompt: '' }, { param: 'prompt' });
    expect(recorder.calls).toHaveLength(0);
    expect(outcome.findings).toEqual([]);
    expect(outcome.error).toBeUndefined();
  });

  it('ignores an unmapped category OpenAI may add, but records its score', async () => {
    const answer = moderationAnswer();
    const result = answer.results[0]!;
    const grown = {
      ...answer,
      results: [
        {
          ...result,
          flagged: true,
          categories: { ...result.categories, 'new-category': true },
          category_scores: { ...result.category_scores, 'new-category': 0.7 },
        },
      ],
    };
    const recorder = recordingFetch(jsonReply(grown));
    const outcome = await check(recorder.fetch).screen({ prompt: 'x' }, { param: 'prompt' });
    expect(outcome.findings).toEqual([]);
    expect(outcome.scores['new-category']).toBe(0.7);
  });

  it('times out into an error outcome, without waiting on the wall clock', async () => {
    const controller = new AbortController();
    const fetch = abortedFetch(controller, new DOMException('timed out', 'TimeoutError'));
    const timeouts: number[] = [];
    const moderation = check(fetch, {
      timeoutMs: 1500,
      timeout: (ms) => {
        timeouts.push(ms);
        return controller.signal;
      },
    });
    const outcome = await moderation.screen({ prompt: 'x' }, { param: 'prompt' });
    expect(timeouts).toEqual([1500]);
    expect(outcome.error).toBe(
      'openai-moderation: https://api.openai.com/v1/moderations did not answer within 1500 ms',
    );
    expect(outcome.findings).toEqual([]);
  });

  it('times out even when the fetch ignores its signal', async () => {
    const controller = new AbortController();
    const fetch = () => {
      queueMicrotask(() => controller.abort());
      return new Promise<Response>(() => undefined);
    };
    const outcome = await check(fetch, { timeout: () => controller.signal }).screen(
      { prompt: 'x' },
      { param: 'prompt' },
    );
    expect(outcome.error).toMatch(/did not answer within 2000 ms$/);
  });

  it.each([
    ['a 500', () => new Response(`upstream broke for ${apiKey}`, { status: 500 }), /HTTP 500$/],
    [
      'a 401 that echoes the key',
      () =>
        Response.json(
          { error: { message: `Incorrect API key provided: ${apiKey}` } },
          { status: 401 },
        ),
      /HTTP 401$/,
    ],
    ['a body that is not JSON', () => new Response('<html>gateway</html>'), /not JSON$/],
    [
      'a body of another shape',
      () => Response.json({ id: 'x', model: 'm', results: [{ flagged: 'yes' }] }),
      /unexpected body \(results\.0\.flagged: .*expected boolean/,
    ],
    ['no results', () => Response.json({ id: 'x', model: 'm', results: [] }), /unexpected body/],
    [
      'an oversized body',
      () => new Response('x'.repeat(1024 * 1024 + 1)),
      /larger than 1048576 bytes$/,
    ],
    [
      'a network error naming the key',
      () => {
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error(`bad ${apiKey}`), { code: 'ECONNREFUSED' }),
        });
      },
      /could not be reached: fetch failed \(ECONNREFUSED\)$/,
    ],
    [
      'a thrown error that quotes the key',
      () => {
        throw new Error(`proxy refused Bearer ${apiKey}`);
      },
      /could not be reached: proxy refused Bearer \[redacted\]$/,
    ],
  ])('turns %s into an error outcome that never names the key', async (_name, reply, error) => {
    const fetch = async () => reply();
    const outcome = await check(fetch).screen({ prompt: 'x' }, { param: 'prompt' });
    expect(outcome.error).toMatch(
      /^openai-moderation: https:\/\/api\.openai\.com\/v1\/moderations /,
    );
    expect(outcome.error).toMatch(error);
    expect(outcome.error).not.toContain(apiKey);
    expect(outcome.findings).toEqual([]);
    expect(outcome.scores).toEqual({});
  });
});

/**
 * The official openai client as referee: the same input sent by the SDK and by the check reaches
 * a loopback server as the same request, and the SDK parses the answer the check is fed.
 */
describe('openAIModerationCheck against the openai SDK', () => {
  const server = loopbackJsonServer(moderationAnswer({ 'self-harm': 0.83 }));
  const { received } = server;

  it('sends what the SDK sends and reads what the SDK reads', async () => {
    const params: ModerationCreateParams = {
      model: 'omni-moderation-latest',
      input: [
        { type: 'text', text: 'a figure on a ledge' },
        { type: 'image_url', image_url: { url: pngDataUrl } },
      ],
    };
    const baseURL = server.baseURL();
    const client = new OpenAI({ apiKey, baseURL, maxRetries: 0 });
    const parsed = await client.moderations.create(params);
    const moderation = openAIModerationCheck({
      apiKey,
      baseURL,
      fetch: (url, init) => fetch(url, init),
      timeoutMs: 5000,
      failureMode: 'closed',
    });
    const outcome = await moderation.screen(
      { prompt: 'a figure on a ledge', image: png },
      { param: 'prompt' },
    );
    expect(received).toHaveLength(2);
    const [bySdk, byCheck] = received;
    expect(byCheck).toEqual(bySdk);
    expect(bySdk!.path).toBe('/v1/moderations');
    expect(parsed.results[0]!.categories['self-harm']).toBe(true);
    expect(outcome.findings).toEqual([
      {
        ruleId: 'openai.self-harm',
        category: 'self_harm',
        effect: 'block',
        score: parsed.results[0]!.category_scores['self-harm'],
      },
    ]);
  });
});
