import { moderationResponseSchema, moderationVerdict } from './openai-moderation-categories.js';
import { postRemoteJson } from './remote-call.js';
import {
  hasPrompt,
  imageDataUrl,
  nothingScreened,
  remoteCheckBase,
  timedOutcome,
  trimBaseUrl,
} from './remote-check.js';
import type { RemoteCheck, RemoteCheckInput, RemoteCheckOptions } from './remote-check.js';

export const openAIModerationCheckId = 'openai-moderation';

/** Bumped when the request or the category mapping changes. */
const implementationVersion = '1';

export interface OpenAIModerationCheckOptions extends RemoteCheckOptions {
  apiKey: string;
  /** Default `https://api.openai.com/v1`. */
  baseURL?: string;
  /** Default `omni-moderation-latest`, the model that also scores images. */
  model?: string;
}

type ModerationPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string } };

/** The `input` list: the prompt, then the image as a data URL. */
export function moderationInput(input: RemoteCheckInput): ModerationPart[] {
  const parts: ModerationPart[] = [];
  if (hasPrompt(input)) parts.push({ type: 'text', text: input.prompt });
  if (input.image != null) {
    parts.push({ type: 'image_url', image_url: { url: imageDataUrl(input.image) } });
  }
  return parts;
}

/**
 * OpenAI's moderation endpoint (free to call) on the prompt and the image together. Flagged
 * categories become blocking findings (see `openAIModerationCategories`); every category score
 * is recorded. It has no category for likeness or protected characters: local checks cover those.
 */
export function openAIModerationCheck(options: OpenAIModerationCheckOptions): RemoteCheck {
  const model = options.model ?? 'omni-moderation-latest';
  const base = remoteCheckBase(options, {
    id: openAIModerationCheckId,
    version: `${implementationVersion}:${model}`,
  });
  const url = `${trimBaseUrl(options.baseURL ?? 'https://api.openai.com/v1')}/moderations`;
  return {
    id: base.id,
    version: base.version,
    stage: base.stage,
    failureMode: base.failureMode,
    screen: (input, context) =>
      timedOutcome(base, context.param, async () => {
        const parts = moderationInput(input);
        if (parts.length === 0) return nothingScreened;
        const answer = await postRemoteJson({
          checkId: base.id,
          url,
          headers: { authorization: `Bearer ${options.apiKey}` },
          body: JSON.stringify({ model, input: parts }),
          schema: moderationResponseSchema,
          fetch: options.fetch,
          timeoutMs: options.timeoutMs,
          ...(options.timeout != null ? { timeout: options.timeout } : {}),
          secrets: [options.apiKey],
        });
        return 'error' in answer ? answer : moderationVerdict(answer.value);
      }),
  };
}
