import type { VideoFailure } from '@vgw/spec';
import type { Prediction } from './replicate-schemas.js';

/*
 * Replicate reports a refusal only as a failed prediction whose `error` says so: its
 * sensitive-content code E005 ("… flagged as sensitive …"), or an NSFW message from the model.
 * The wording is UNVERIFIED (providers.md §9.3), so the match is deliberately loose.
 */
const moderationPattern =
  /\bE005\b|flagged as sensitive|\bnsfw\b|content polic|safety (filter|check)/i;

function errorText(error: unknown): string {
  if (typeof error === 'string' && error.trim() !== '') return error.trim();
  if (error != null && typeof error === 'object') return JSON.stringify(error).slice(0, 500);
  return 'the prediction failed without an error message';
}

/**
 * Which input a refusal concerns, read from what the message says was flagged ("The output was
 * flagged …"); none when it says "input or output" or names neither.
 */
function moderationParam(message: string, sentImage: boolean): string | undefined {
  const subject = /([^.]*)\bflagged\b/i.exec(message)?.[1] ?? message;
  const input = /\binputs?\b|\bprompt\b/i.test(subject);
  const output = /\boutputs?\b/i.test(subject);
  if (output && !input) return 'output';
  if (input && !output) return sentImage ? undefined : 'prompt';
  return undefined;
}

/** The failure of a prediction that ended `failed`, `canceled` or `aborted`. */
export function predictionFailure(prediction: Prediction, sentImage: boolean): VideoFailure {
  if (prediction.status === 'canceled' || prediction.status === 'aborted') {
    return {
      code: 'cancelled',
      message: `replicate: the prediction was ${prediction.status}`,
      retryable: false,
    };
  }
  const message = errorText(prediction.error);
  if (moderationPattern.test(message)) {
    const failure: VideoFailure = {
      code: 'content_policy_violation',
      message: `replicate: ${message}`,
      retryable: false,
    };
    const param = moderationParam(message, sentImage);
    if (param != null) failure.param = param;
    return failure;
  }
  // Replicate does not say whether a retry may help; a new paid render is not risked blindly.
  return { code: 'render_failed', message: `replicate: ${message}`, retryable: false };
}
