import { ProviderApiError, type VideoFailure } from '@vgw/spec';
import { runwayProviderName } from './runway-models.js';

/** The input a moderation code refuses; codes per docs.dev.runwayml.com/errors/task-failures. */
function moderatedInput(code: string): string | null | undefined {
  if (code.startsWith('SAFETY.INPUT.TEXT')) return 'prompt';
  if (code.startsWith('SAFETY.INPUT.IMAGE')) return 'input_reference';
  if (code.startsWith('SAFETY.OUTPUT.')) return 'output';
  // Another input family (audio, video): a refusal, but of nothing the gateway sends by name.
  if (code.startsWith('SAFETY.INPUT.')) return null;
  // Text refused before generation (UNVERIFIED code name, listed on the same docs page).
  if (code === 'INPUT_PREPROCESSING.SAFETY.TEXT') return 'prompt';
  return undefined;
}

/** Maps a FAILED task's `failureCode` and `failure` text to the gateway's failure. */
export function runwayTaskFailure(failureCode: string | undefined, failure: string | undefined) {
  const code = failureCode ?? '';
  const reason = failure ?? 'the task failed without a reason';
  const detail = failureCode != null ? `${reason} (${failureCode})` : reason;
  const input = moderatedInput(code);
  if (input !== undefined) {
    const refused: VideoFailure = {
      code: 'content_policy_violation',
      message: `Runway refused the request: ${detail}`,
      // The same input, or a render of it, would be refused again.
      retryable: false,
    };
    if (input != null) refused.param = input;
    return refused;
  }
  const invalidAsset = code.startsWith('ASSET.INVALID');
  const result: VideoFailure = {
    code: 'render_failed',
    message: `Runway failed the render: ${detail}`,
    // INTERNAL.BAD_OUTPUT.* and other INTERNAL codes: the docs say a retry may help.
    retryable: code.startsWith('INTERNAL'),
  };
  if (invalidAsset) result.param = 'input_reference';
  return result;
}

/** A failure that is the adapter's own finding, not Runway's answer. */
export function runwayError(message: string, retryable: boolean, code = 'provider_error') {
  return new ProviderApiError(runwayProviderName, message, { code, retryable });
}
