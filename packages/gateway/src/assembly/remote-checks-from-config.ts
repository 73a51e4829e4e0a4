import type { PolicyConfig } from '../config/policy-schema.js';
import { createValidatedFetch } from '../net/validated-fetch.js';
import type { PolicyCheck } from '../policy/policy-check.js';
import { llamaGuardCheck } from '../policy/remote/llama-guard-check.js';
import { openAIModerationCheck } from '../policy/remote/openai-moderation-check.js';
import type { RemoteCheck } from '../policy/remote/remote-check.js';
import { webhookCheck } from '../policy/remote/webhook-check.js';
import type { FetchFunction } from '../provider-http/provider-http.js';

/** A remote check as the engine runs it: called per input, the input's param passed along. */
function asPolicyCheck(check: RemoteCheck, readsImages: boolean): PolicyCheck {
  return {
    id: check.id,
    version: check.version,
    stage: check.stage,
    failureMode: check.failureMode,
    accepts: { prompt: true, image: readsImages },
    remote: true,
    screen: (input) =>
      check.screen(
        {
          ...(input.prompt != null ? { prompt: input.prompt } : {}),
          ...(input.image != null ? { image: input.image } : {}),
        },
        { param: input.param },
      ),
  };
}

/**
 * The configured remote checks, each reaching only its own configured origin (loopback allowed
 * there: Ollama and vLLM usually run beside the gateway); every other address stays refused.
 */
export function remoteChecksFromConfig(
  remote: PolicyConfig['remote'],
  network: FetchFunction,
): PolicyCheck[] {
  const reaching = (url: string) =>
    createValidatedFetch({
      fetch: network,
      allowLoopback: true,
      trustedOrigins: [new URL(url).origin],
    });
  const checks: PolicyCheck[] = [];
  const moderation = remote.openaiModeration;
  if (moderation != null) {
    const check = openAIModerationCheck({ ...moderation, fetch: reaching(moderation.baseURL) });
    checks.push(asPolicyCheck(check, true));
  }
  const guard = remote.llamaGuard;
  if (guard != null) {
    const { apiKey, ...settings } = guard;
    const check = llamaGuardCheck({
      ...settings,
      ...(apiKey != null ? { apiKey } : {}),
      fetch: reaching(guard.baseURL),
    });
    checks.push(asPolicyCheck(check, guard.supportsImages));
  }
  const hook = remote.webhook;
  if (hook != null) {
    const { secret, ...settings } = hook;
    const check = webhookCheck({
      ...settings,
      ...(secret != null ? { secret } : {}),
      fetch: reaching(hook.url),
    });
    checks.push(asPolicyCheck(check, true));
  }
  return checks;
}
