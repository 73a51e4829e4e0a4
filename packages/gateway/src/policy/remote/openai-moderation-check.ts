import { moderationResponseSchema, moderationVerdict } from './openai-moderation-categories.js';
import { postRemoteJson, remoteTransport } from './remote-call.js';
import { contentParts, modelApiCheckBase, nothingScreened, remoteCheck } from './remote-check.js';
import type { ModelApiCheckOptions, RemoteCheck } from './remote-check.js';

export const openAIModerationCheckId = 'openai-moderation';

/** Bumped when the request or the category mapping changes. */
const implementationVersion = '1';

/**
 * The base URL defaults to `https://api.openai.com/v1`; the model to `omni-moderation-latest`,
 * the model that also scores images.
 */
export interface OpenAIModerationCheckOptions extends ModelApiCheckOptions {
  apiKey: string;
}

/**
 * OpenAI's moderation endpoint (free to call) on the prompt and the image together. Flagged
 * categories become blocking findings (see `openAIModerationCategories`); every category score
 * is recorded. It has no category for likeness or protected characters: local checks cover those.
 */
export function openAIModerationCheck(options: OpenAIModerationCheckOptions): RemoteCheck {
  const base = modelApiCheckBase(options, {
    id: openAIModerationCheckId,
    implementationVersion,
    model: 'omni-moderation-latest',
    baseURL: 'https://api.openai.com/v1',
    path: '/moderations',
  });
  return remoteCheck(base, async (input) => {
    const parts = contentParts(input);
    if (parts.length === 0) return nothingScreened;
    const answer = await postRemoteJson({
      checkId: base.id,
      url: base.url,
      headers: { authorization: `Bearer ${options.apiKey}` },
      body: JSON.stringify({ model: base.model, input: parts }),
      schema: moderationResponseSchema,
      ...remoteTransport(options),
      secrets: [options.apiKey],
    });
    return 'error' in answer ? answer : moderationVerdict(answer.value);
  });
}
