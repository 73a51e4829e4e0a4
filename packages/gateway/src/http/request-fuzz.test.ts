import type { JSONValue } from '@vgw/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../auth/api-keys.js';
import { createFakeVideoModel } from '../test-support/fake-video-model.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';
import {
  hostileRequest,
  seededRandom,
  type HostileRequest,
} from '../test-support/hostile-requests.js';

const seed = 0x5eed_0009;
const cases = 3000;

type Answer = { status: number; text: string };

const blamesAParam = new Set([400, 409, 413, 415, 416]);

function describeCase(index: number, request: HostileRequest): string {
  const body = typeof request.body === 'string' ? request.body.slice(0, 300) : '(form)';
  return `seed ${seed} case ${index}: ${request.method} ${request.path.slice(0, 200)} ${request.label.slice(0, 300)} ${JSON.stringify(body)}`;
}

/** What is wrong with one answer, or null: no 5xx, and every 4xx in OpenAI's error shape. */
function answerProblem(request: HostileRequest, answer: Answer): string | null {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 300)}`;
  if (answer.status < 400 || request.method === 'HEAD') return null;
  let error: Record<string, unknown> | undefined;
  try {
    error = (JSON.parse(answer.text) as { error?: Record<string, unknown> }).error;
  } catch {
    return `answered ${answer.status} with a body that is not JSON: ${answer.text.slice(0, 200)}`;
  }
  const shaped =
    error != null &&
    typeof error.message === 'string' &&
    typeof error.type === 'string' &&
    (error.param === null || typeof error.param === 'string') &&
    (error.code === null || typeof error.code === 'string');
  if (!shaped) return `answered ${answer.status} outside the OpenAI error shape: ${answer.text}`;
  // These are always some parameter's fault (the body, a header, a field): name which.
  if (blamesAParam.has(answer.status) && error?.param == null) {
    return `answered ${answer.status} without naming the param: ${answer.text.slice(0, 300)}`;
  }
  return null;
}

describe('fuzzed hostile requests against the in-process app on PGlite', () => {
  let gateway: TestGateway;
  let otherKey: string;

  beforeAll(async () => {
    const model = createFakeVideoModel();
    // A webhook-taking engine, so webhook payloads reach the database lookup too.
    model.parseWebhook = async (request) => ({
      operationMatch: { job: ((await request.json()) as { job?: JSONValue } | null)?.job ?? null },
    });
    gateway = await createTestGateway('pglite', [model], { maxBodyBytes: 1024 * 1024 });
    otherKey = (await createApiKey(gateway.test.database, 'bystander')).key;
  });
  afterAll(async () => gateway.dispose());

  async function send(request: HostileRequest): Promise<Answer> {
    const init: RequestInit = { method: request.method, headers: request.headers };
    if (request.body != null) init.body = request.body;
    const response = await gateway.app.fetch(new Request(`http://vgw.test${request.path}`, init));
    return { status: response.status, text: await response.text() };
  }

  it(`answers ${cases} seeded malformed requests without a 5xx, always in the error shape`, async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const random = seededRandom(seed);
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    for (let index = 0; index < cases; index += 1) {
      const request = hostileRequest(random, gateway.apiKey);
      const answer = await send(request);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const problem = answerProblem(request, answer);
      if (problem != null) problems.push(`${describeCase(index, request)}\n  ${problem}`);
      if (problems.length >= 10) break;
    }
    expect(problems, problems.join('\n')).toEqual([]);
    // The fuzz must reach both refusals and the database, or it proves little.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(cases / 10);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(cases / 100);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);

    const bystander = await send({
      label: 'plain create by another project',
      method: 'POST',
      path: '/v1/videos',
      headers: { authorization: `Bearer ${otherKey}`, 'content-type': 'application/json' },
      body: '{"prompt":"after the storm"}',
    });
    expect(bystander.status, bystander.text).toBe(200);
    expect(JSON.parse(bystander.text)).toMatchObject({
      model: 'fake/fake-1',
      seconds: '4',
      size: '1280x720',
      prompt: 'after the storm',
    });
  });
});
