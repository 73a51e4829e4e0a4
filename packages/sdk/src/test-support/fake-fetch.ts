import { Vgw } from '../client.js';
import type { ClientOptions, FetchFunction } from '../client-options.js';
import type { Video } from '../types.js';

/** What the SDK sent, as the fake fetch saw it. */
export interface RecordedRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: BodyInit | null | undefined;
  signal: AbortSignal | null | undefined;
}

/** A scripted answer: a response, a thrown error (connection failure), or a function of the request. */
export type ScriptedAnswer =
  | Response
  | Error
  | ((request: RecordedRequest) => Response | Promise<Response>);

export interface FakeFetch {
  fetch: FetchFunction;
  requests: RecordedRequest[];
}

/** A fetch that records each request and answers with the next scripted answer. */
export function createFakeFetch(script: ScriptedAnswer[]): FakeFetch {
  const requests: RecordedRequest[] = [];
  const queue = [...script];
  const fetch: FetchFunction = async (url, init) => {
    const request: RecordedRequest = {
      url: new URL(url),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: init.body,
      signal: init.signal,
    };
    requests.push(request);
    const answer = queue.shift();
    if (answer == null) throw new Error(`unscripted request: ${request.method} ${url}`);
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer(request) : answer;
  };
  return { fetch, requests };
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': 'req_test', ...headers },
  });
}

export function errorResponse(
  status: number,
  error: { message: string; type?: string; param?: string | null; code?: string | null },
  headers: Record<string, string> = {},
) {
  const body = {
    error: { type: 'invalid_request_error', param: null, code: null, ...error },
  };
  return jsonResponse(body, status, headers);
}

export function makeVideo(overrides: Partial<Video> = {}): Video {
  return {
    id: 'video_1',
    object: 'video',
    model: 'sora-2',
    status: 'queued',
    progress: 0,
    created_at: 1_758_941_485,
    completed_at: null,
    expires_at: null,
    prompt: 'A paper boat drifting down a rain-soaked street at dusk',
    seconds: '8',
    size: '1280x720',
    remixed_from_video_id: null,
    error: null,
    provider: 'openai',
    fps: 24,
    seed: null,
    warnings: [],
    ...overrides,
  };
}

/** A clock whose sleeps advance time instantly and are recorded. */
export interface FakeClock {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  sleeps: number[];
}

export function createFakeClock(start = Date.UTC(2026, 0, 1)): FakeClock {
  let current = start;
  const sleeps: number[] = [];
  return {
    now: () => current,
    sleep: async (ms) => {
      sleeps.push(ms);
      current += ms;
    },
    sleeps,
  };
}

export interface TestClient {
  client: Vgw;
  requests: RecordedRequest[];
  clock: FakeClock;
}

/** A client on a fake fetch and fake clock; jitter is fixed at none (random() = 0). */
export function createTestClient(
  script: ScriptedAnswer[],
  overrides: Partial<ClientOptions> = {},
): TestClient {
  const fake = createFakeFetch(script);
  const clock = createFakeClock();
  const client = new Vgw({
    baseURL: 'http://127.0.0.1:8080/v1',
    apiKey: 'test-key',
    fetch: fake.fetch,
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0,
    ...overrides,
  });
  return { client, requests: fake.requests, clock };
}
