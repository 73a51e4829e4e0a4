import type { z } from 'zod';
import type { FetchFunction } from '../../provider-http/provider-http.js';

/** A service's answer is a few kilobytes; more than this is a broken or hostile endpoint. */
export const maxAnswerBytes = 1024 * 1024;

/** How a call goes out and how long it may take. */
export interface RemoteTransport {
  fetch: FetchFunction;
  /** The whole call, answer read included. */
  timeoutMs: number;
  /** An abort signal that fires after `ms`; default `AbortSignal.timeout`. Tests abort by hand. */
  timeout?: (ms: number) => AbortSignal;
}

/** Only the transport fields of `options` (a check's options carry many more). */
export function remoteTransport(options: RemoteTransport): RemoteTransport {
  return {
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    ...(options.timeout != null ? { timeout: options.timeout } : {}),
  };
}

export interface RemoteCall<Schema extends z.ZodType> extends RemoteTransport {
  /** Names the check in every error. */
  checkId: string;
  url: string;
  headers: Record<string, string>;
  /** The JSON request body, already serialised (a signature may cover its exact bytes). */
  body: string;
  schema: Schema;
  /** Values that must never appear in an error: API keys, shared secrets. */
  secrets: string[];
}

export type RemoteCallResult<T> = { value: T } | { error: string };

/** A failure whose message is ours and safe to report as is. */
class CallFailure extends Error {}

/** The URL as errors name it: no user info, no query (webhook URLs often carry a token there). */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return 'the configured URL';
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown } | undefined;
  return typeof cause?.code === 'string' ? `${error.message} (${cause.code})` : error.message;
}

function redact(text: string, secrets: string[]): string {
  return secrets
    .filter((secret) => secret.length > 0)
    .reduce((redacted, secret) => redacted.replaceAll(secret, '[redacted]'), text);
}

/** Settles with `work`, or rejects when `signal` aborts first (a fetch that ignores its signal). */
function raceAbort<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    void work()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function readLimited(response: Response): Promise<string> {
  if (response.body == null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxAnswerBytes) {
      await reader.cancel();
      throw new CallFailure(`answer is larger than ${maxAnswerBytes} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

async function answerText(call: RemoteCall<z.ZodType>, signal: AbortSignal): Promise<string> {
  const response = await call.fetch(call.url, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', ...call.headers },
    body: call.body,
    signal,
  });
  if (!response.ok) {
    // Never read: an error page may echo the request, and the request holds the prompt.
    await response.body?.cancel().catch(() => undefined);
    throw new CallFailure(`answered HTTP ${response.status}`);
  }
  return readLimited(response);
}

function parseAnswer<Schema extends z.ZodType>(
  text: string,
  schema: Schema,
): RemoteCallResult<z.infer<Schema>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: 'answered with a body that is not JSON' };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { value: parsed.data };
  // Zod's messages name paths and expected types, never the values (which may quote the prompt).
  const issues = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return { error: `answered with an unexpected body (${issues.join('; ')})` };
}

/**
 * POSTs a JSON body and zod-parses the JSON answer. Never throws: a timeout, a network error, a
 * non-2xx status, an oversized, non-JSON or unexpected body each come back as an `error` that
 * names the check and the endpoint, with every secret redacted.
 */
export async function postRemoteJson<Schema extends z.ZodType>(
  call: RemoteCall<Schema>,
): Promise<RemoteCallResult<z.infer<Schema>>> {
  const where = describeUrl(call.url);
  const fail = (what: string) => ({
    error: redact(`${call.checkId}: ${where} ${what}`, call.secrets),
  });
  const signal = (call.timeout ?? ((ms: number) => AbortSignal.timeout(ms)))(call.timeoutMs);
  let text: string;
  try {
    text = await raceAbort(signal, () => answerText(call, signal));
  } catch (error) {
    if (error instanceof CallFailure) return fail(error.message);
    if (signal.aborted) return fail(`did not answer within ${call.timeoutMs} ms`);
    return fail(`could not be reached: ${describeError(error)}`);
  }
  const answer = parseAnswer(text, call.schema);
  return 'error' in answer ? fail(answer.error) : answer;
}
