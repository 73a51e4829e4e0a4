import OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';
import { describe, expect, it } from 'vitest';
import { jsonReply, recordingFetch } from '../../test-support/recording-fetch.js';
import { parseLlamaGuardAnswer } from './llama-guard-answer.js';
import { llamaGuardCheck } from './llama-guard-check.js';
import type { LlamaGuardCheckOptions } from './llama-guard-check.js';
import {
  abortedFetch,
  checkBuilder,
  clockReading,
  loopbackJsonServer,
  png,
  pngDataUrl,
} from './test-support/remote-check-fixtures.js';

const apiKey = 'vllm-key-93c1e0d2';

/** A chat completion as vLLM returns it (typed by the official SDK). */
function completion(content: string | null, model = 'llama-guard3'): ChatCompletion {
  return {
    id: 'chatcmpl-5b0e9f1c',
    object: 'chat.completion',
    created: 1765108800,
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 214, completion_tokens: 5, total_tokens: 219 },
  };
}

/** The leaner shape Ollama's OpenAI-compatible endpoint returns (no refusal, no logprobs). */
const ollamaUnsafe = {
  id: 'chatcmpl-417',
  object: 'chat.completion',
  created: 1765108800,
  model: 'llama-guard3',
  system_fingerprint: 'fp_ollama',
  choices: [
    { index: 0, message: { role: 'assistant', content: 'unsafe\nS1,S10' }, finish_reason: 'stop' },
  ],
  usage: { prompt_tokens: 220, completion_tokens: 7, total_tokens: 227 },
};

const baseURL = 'http://127.0.0.1:11434/v1';

const check = checkBuilder<LlamaGuardCheckOptions>(llamaGuardCheck, {
  baseURL,
  timeoutMs: 3000,
  failureMode: 'open',
});

describe('llamaGuardCheck', () => {
  it('asks with the prompt as the user turn and allows `safe`', async () => {
    const recorder = recordingFetch(jsonReply(completion('safe')));
    const outcome = await check(recorder.fetch, { now: clockReading(5, 17) }).screen(
      { prompt: 'a fox in the snow', image: png },
      { param: 'prompt' },
    );
    const call = recorder.calls[0]!;
    expect(call.url).toBe('http://127.0.0.1:11434/v1/chat/completions');
    expect(call.method).toBe('POST');
    expect(call.headers.authorization).toBeUndefined();
    const expected: ChatCompletionCreateParamsNonStreaming = {
      model: 'llama-guard3',
      messages: [{ role: 'user', content: 'a fox in the snow' }],
      temperature: 0,
      max_tokens: 32,
      stream: false,
    };
    expect(call.body).toEqual(expected);
    expect(outcome).toEqual({
      checkId: 'llama-guard',
      checkVersion: '1:llama-guard3',
      stage: 'pre',
      param: 'prompt',
      findings: [],
      scores: { unsafe: 0 },
      latencyMs: 12,
    });
  });

  it('refuses `unsafe` codes under our categories (Ollama shape)', async () => {
    const recorder = recordingFetch(jsonReply(ollamaUnsafe));
    const outcome = await check(recorder.fetch).screen({ prompt: 'x' }, { param: 'prompt' });
    expect(outcome.findings).toEqual([
      { ruleId: 'llama-guard.S1', category: 'violence', effect: 'block', score: 1 },
      { ruleId: 'llama-guard.S10', category: 'hate', effect: 'block', score: 1 },
    ]);
    expect(outcome.scores).toEqual({ unsafe: 1 });
  });

  it.each([
    ['S3', 'sexual'],
    ['S4', 'minors'],
    ['S5', 'real_people'],
    ['S7', 'real_people'],
    ['S8', 'protected_characters'],
    ['S9', 'weapons'],
    ['S11', 'self_harm'],
    ['S12', 'sexual'],
    ['S2', 'weapons'],
    ['S6', 'weapons'],
    ['S13', 'weapons'],
    ['S14', 'weapons'],
    ['S15', 'weapons'],
  ] as const)('files %s under %s', async (code, category) => {
    const recorder = recordingFetch(jsonReply(completion(`unsafe\n${code}`)));
    const outcome = await check(recorder.fetch).screen({ prompt: 'x' }, { param: 'prompt' });
    expect(outcome.findings).toEqual([
      { ruleId: `llama-guard.${code}`, category, effect: 'block', score: 1 },
    ]);
  });

  it('refuses a bare `unsafe`, under the configured unmapped category', async () => {
    const recorder = recordingFetch(jsonReply(completion('unsafe')));
    const outcome = await check(recorder.fetch, { unmappedCategory: 'violence' }).screen(
      { prompt: 'x' },
      { param: 'prompt' },
    );
    expect(outcome.findings).toEqual([
      { ruleId: 'llama-guard.unsafe', category: 'violence', effect: 'block', score: 1 },
    ]);
  });

  it('sends the image with the text to a vision model, with the API key', async () => {
    const recorder = recordingFetch(jsonReply(completion('unsafe\nS12', 'llama-guard4')));
    const outcome = await check(recorder.fetch, {
      apiKey,
      model: 'meta-llama/Llama-Guard-4-12B',
      supportsImages: true,
    }).screen({ prompt: 'a beach', image: png }, { param: 'input_reference' });
    const call = recorder.calls[0]!;
    expect(call.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(call.body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'a beach' },
          { type: 'image_url', image_url: { url: pngDataUrl } },
        ],
      },
    ]);
    expect(call.body.model).toBe('meta-llama/Llama-Guard-4-12B');
    expect(outcome.checkVersion).toBe('1:meta-llama/Llama-Guard-4-12B');
    expect(outcome.findings[0]).toMatchObject({ category: 'sexual', ruleId: 'llama-guard.S12' });
  });

  it('sends an image alone to a vision model, and makes no call for it to a text model', async () => {
    const recorder = recordingFetch(jsonReply(completion('safe')));
    await check(recorder.fetch, { supportsImages: true, stage: 'post' }).screen(
      { image: png },
      { param: 'output' },
    );
    expect(recorder.calls[0]!.body.messages[0].content).toEqual([
      { type: 'image_url', image_url: { url: pngDataUrl } },
    ]);
    const textOnly = recordingFetch(() => undefined);
    const outcome = await check(textOnly.fetch).screen({ image: png }, { param: 'output' });
    expect(textOnly.calls).toHaveLength(0);
    expect(outcome).toMatchObject({ findings: [], scores: {}, param: 'output' });
    expect(outcome.error).toBeUndefined();
  });

  it('times out into an error outcome', async () => {
    const controller = new AbortController();
    const outcome = await check(abortedFetch(controller), {
      apiKey,
      timeout: () => controller.signal,
    }).screen({ prompt: 'x' }, { param: 'prompt' });
    expect(outcome.error).toBe(
      'llama-guard: http://127.0.0.1:11434/v1/chat/completions did not answer within 3000 ms',
    );
    expect(outcome.findings).toEqual([]);
  });

  it.each([
    ['a 500', () => new Response(`no model for ${apiKey}`, { status: 500 }), /HTTP 500$/],
    ['a body that is not JSON', () => new Response('not json'), /not JSON$/],
    ['no choices', () => Response.json({ choices: [] }), /unexpected body \(choices/],
    [
      'a chatty answer',
      () => Response.json(completion(`Sure! The prompt "${apiKey}" looks fine.`)),
      /^llama-guard: llama-guard3 answered neither safe nor unsafe \(\d+ chars\)$/,
    ],
    ['a null content', () => Response.json(completion(null)), /answered neither safe nor unsafe/],
    [
      'a connection refused',
      () => {
        throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
      },
      /could not be reached: fetch failed \(ECONNREFUSED\)$/,
    ],
  ])('turns %s into an error outcome that never names the key', async (_name, reply, error) => {
    const outcome = await check(async () => reply(), { apiKey }).screen(
      { prompt: 'x' },
      { param: 'prompt' },
    );
    expect(outcome.error).toMatch(error);
    expect(outcome.error).not.toContain(apiKey);
    expect(outcome.findings).toEqual([]);
  });
});

/** The openai client as referee for "OpenAI-compatible": same request, same parsed answer. */
describe('llamaGuardCheck against the openai SDK', () => {
  const server = loopbackJsonServer(completion('unsafe\nS8'));
  const { received } = server;

  it('sends what the SDK sends and reads what the SDK reads', async () => {
    const params: ChatCompletionCreateParamsNonStreaming = {
      model: 'llama-guard3-vision',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'a mouse in red shorts' },
            { type: 'image_url', image_url: { url: pngDataUrl } },
          ],
        },
      ],
      temperature: 0,
      max_tokens: 32,
      stream: false,
    };
    const loopback = server.baseURL();
    const client = new OpenAI({ apiKey, baseURL: loopback, maxRetries: 0 });
    const parsed = await client.chat.completions.create(params);
    const guard = llamaGuardCheck({
      baseURL: loopback,
      apiKey,
      model: 'llama-guard3-vision',
      supportsImages: true,
      fetch: (url, init) => fetch(url, init),
      timeoutMs: 5000,
      failureMode: 'closed',
    });
    const outcome = await guard.screen(
      { prompt: 'a mouse in red shorts', image: png },
      { param: 'prompt' },
    );
    expect(received).toHaveLength(2);
    expect(received[1]).toEqual(received[0]);
    expect(received[0]!.path).toBe('/v1/chat/completions');
    expect(parseLlamaGuardAnswer(parsed.choices[0]!.message.content ?? '')).toEqual({
      safe: false,
      codes: ['S8'],
    });
    expect(outcome.findings).toEqual([
      { ruleId: 'llama-guard.S8', category: 'protected_characters', effect: 'block', score: 1 },
    ]);
  });
});
