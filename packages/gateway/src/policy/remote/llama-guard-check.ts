import {
  chatCompletionSchema,
  defaultUnmappedCategory,
  llamaGuardFindings,
  parseLlamaGuardAnswer,
} from './llama-guard-answer.js';
import { postRemoteJson, remoteTransport } from './remote-call.js';
import {
  contentParts,
  hasPrompt,
  modelApiCheckBase,
  nothingScreened,
  remoteCheck,
} from './remote-check.js';
import type { ContentPart, ModelApiCheckOptions, RemoteCheck } from './remote-check.js';
import type { RemoteCheckInput, RemoteVerdict } from './remote-check.js';
import type { PolicyCategory } from '../policy-types.js';

export const llamaGuardCheckId = 'llama-guard';

/** Bumped when the request, the parsing or the code mapping changes. */
const implementationVersion = '1';

/**
 * The model defaults to `llama-guard3` (Ollama's name). Ollama and a vLLM without `--api-key`
 * need no API key.
 */
export interface LlamaGuardCheckOptions extends ModelApiCheckOptions {
  /** An OpenAI-compatible API: Ollama `http://127.0.0.1:11434/v1`, vLLM `http://host:8000/v1`. */
  baseURL: string;
  /** Llama Guard 3 Vision / 4 read images; Llama Guard 3 text models do not (the image is not sent). */
  supportsImages?: boolean;
  /** See `defaultUnmappedCategory`. */
  unmappedCategory?: PolicyCategory;
}

type ChatContent = string | ContentPart[];

/**
 * The user turn Llama Guard classifies; the server's chat template wraps it in the model's
 * classification prompt. Plain text unless there is an image to send. Null: nothing to screen.
 */
export function llamaGuardContent(
  input: RemoteCheckInput,
  supportsImages: boolean,
): ChatContent | null {
  if (!supportsImages || input.image == null) return hasPrompt(input) ? input.prompt : null;
  return contentParts(input);
}

/**
 * Llama Guard behind any OpenAI-compatible chat endpoint. `safe` allows; `unsafe` with its codes
 * refuses under the mapped categories (see `llamaGuardCategories`). An answer that is neither is
 * an error, so the failure mode decides.
 */
export function llamaGuardCheck(options: LlamaGuardCheckOptions): RemoteCheck {
  const base = modelApiCheckBase(options, {
    id: llamaGuardCheckId,
    implementationVersion,
    model: 'llama-guard3',
    baseURL: options.baseURL,
    path: '/chat/completions',
  });
  const { model, url } = base;
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
      ...remoteTransport(options),
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
  return remoteCheck(base, async (input) => {
    const content = llamaGuardContent(input, options.supportsImages === true);
    return content == null ? nothingScreened : ask(content);
  });
}
