import {
  chatCompletionSchema,
  defaultUnmappedCategory,
  llamaGuardFindings,
  parseLlamaGuardAnswer,
} from './llama-guard-answer.js';
import { postRemoteJson } from './remote-call.js';
import {
  hasPrompt,
  imageDataUrl,
  nothingScreened,
  remoteCheckBase,
  timedOutcome,
  trimBaseUrl,
} from './remote-check.js';
import type {
  RemoteCheck,
  RemoteCheckInput,
  RemoteCheckOptions,
  RemoteVerdict,
} from './remote-check.js';
import type { PolicyCategory } from '../policy-types.js';

export const llamaGuardCheckId = 'llama-guard';

/** Bumped when the request, the parsing or the code mapping changes. */
const implementationVersion = '1';

export interface LlamaGuardCheckOptions extends RemoteCheckOptions {
  /** An OpenAI-compatible API: Ollama `http://127.0.0.1:11434/v1`, vLLM `http://host:8000/v1`. */
  baseURL: string;
  /** Ollama and a vLLM without `--api-key` need none. */
  apiKey?: string;
  /** Default `llama-guard3` (Ollama's name). */
  model?: string;
  /** Llama Guard 3 Vision / 4 read images; Llama Guard 3 text models do not (the image is not sent). */
  supportsImages?: boolean;
  /** See `defaultUnmappedCategory`. */
  unmappedCategory?: PolicyCategory;
}

type ChatContent =
  | string
  | Array<{ type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } }>;

/**
 * The user turn Llama Guard classifies; the server's chat template wraps it in the model's
 * classification prompt. Plain text unless there is an image to send. Null: nothing to screen.
 */
export function llamaGuardContent(
  input: RemoteCheckInput,
  supportsImages: boolean,
): ChatContent | null {
  const image = supportsImages ? input.image : undefined;
  if (image == null) return hasPrompt(input) ? input.prompt : null;
  const parts: Exclude<ChatContent, string> = [];
  if (hasPrompt(input)) parts.push({ type: 'text', text: input.prompt });
  parts.push({ type: 'image_url', image_url: { url: imageDataUrl(image) } });
  return parts;
}

/**
 * Llama Guard behind any OpenAI-compatible chat endpoint. `safe` allows; `unsafe` with its codes
 * refuses under the mapped categories (see `llamaGuardCategories`). An answer that is neither is
 * an error, so the failure mode decides.
 */
export function llamaGuardCheck(options: LlamaGuardCheckOptions): RemoteCheck {
  const model = options.model ?? 'llama-guard3';
  const base = remoteCheckBase(options, {
    id: llamaGuardCheckId,
    version: `${implementationVersion}:${model}`,
  });
  const url = `${trimBaseUrl(options.baseURL)}/chat/completions`;
  const unmapped = options.unmappedCategory ?? defaultUnmappedCategory;
  const ask = async (content: ChatContent): Promise<RemoteVerdict> => {
    const answer = await postRemoteJson({
      checkId: base.id,
      url,
      headers: options.apiKey != null ? { authorization: `Bearer ${options.apiKey}` } : {},
      // The verdict is a few tokens; greedy decoding keeps it stable for the same input.
      body: JSON.stringify({
        model,
        messages: [{ role: 'user', content }],
        temperature: 0,
        max_tokens: 32,
        stream: false,
      }),
      schema: chatCompletionSchema,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
      ...(options.timeout != null ? { timeout: options.timeout } : {}),
      secrets: options.apiKey != null ? [options.apiKey] : [],
    });
    if ('error' in answer) return answer;
    const text = answer.value.choices[0]!.message.content ?? '';
    const verdict = parseLlamaGuardAnswer(text);
    if (verdict == null) {
      // The answer is not quoted: a chatty model may repeat the prompt.
      return {
        error: `${base.id}: ${model} answered neither safe nor unsafe (${text.length} chars)`,
      };
    }
    return {
      findings: llamaGuardFindings(verdict, unmapped),
      scores: { unsafe: verdict.safe ? 0 : 1 },
    };
  };
  return {
    id: base.id,
    version: base.version,
    stage: base.stage,
    failureMode: base.failureMode,
    screen: (input, context) =>
      timedOutcome(base, context.param, async () => {
        const content = llamaGuardContent(input, options.supportsImages === true);
        return content == null ? nothingScreened : ask(content);
      }),
  };
}
