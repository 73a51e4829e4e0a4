/** A fake fetch for adapter tests: it records every request and answers from a script. */

export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The JSON-parsed request body; null when the request had no string body. */
  body: any;
}

/** One scripted answer: a ready Response, or a function that builds one when it is asked. */
export type ScriptedReply = Response | (() => Response | Promise<Response>);

/** A scripted answer described as data; a string body is sent as is, anything else as JSON. */
export interface ScriptedAnswer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RecordingFetch {
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  calls: RecordedCall[];
}

export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A reply that builds a fresh JSON response each time it is asked. */
export function jsonReply(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): () => Response {
  return () => jsonResponse(body, status, headers);
}

export function answerResponse(answer: ScriptedAnswer): Response {
  const body =
    answer.body == null
      ? null
      : typeof answer.body === 'string'
        ? answer.body
        : JSON.stringify(answer.body);
  return new Response(body, {
    status: answer.status ?? 200,
    headers: { 'content-type': 'application/json', ...answer.headers },
  });
}

/** Records each request and answers with what `next` picks for it (undefined: unexpected). */
export function recordingFetch(
  next: (call: RecordedCall) => ScriptedReply | undefined,
): RecordingFetch {
  const calls: RecordedCall[] = [];
  const fetch = async (url: string, init: RequestInit = {}) => {
    const call: RecordedCall = {
      url,
      method: init.method ?? 'GET',
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : null,
    };
    calls.push(call);
    const reply = next(call);
    if (reply == null) throw new Error(`unexpected request ${call.method} ${url}`);
    return typeof reply === 'function' ? reply() : reply;
  };
  return { fetch, calls };
}

/** Answers requests in order from `replies` (taken from the array as they are used). */
export function scriptedFetch(replies: ScriptedReply[]): RecordingFetch {
  return recordingFetch(() => replies.shift());
}

/** Answers requests in order from answers described as data. */
export function answeringFetch(answers: ScriptedAnswer[]): RecordingFetch {
  return recordingFetch(() => {
    const answer = answers.shift();
    return answer == null ? undefined : answerResponse(answer);
  });
}

/** Answers each `METHOD /path` from its own queue of replies, in order. */
export function routedFetch(routes: Record<string, ScriptedReply[]>): RecordingFetch {
  return recordingFetch((call) => routes[`${call.method} ${new URL(call.url).pathname}`]?.shift());
}
