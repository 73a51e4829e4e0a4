import { randomUUID } from 'node:crypto';
import { signStandardWebhook } from '../../provider-http/standard-webhook.js';
import { postRemoteJson, remoteTransport } from './remote-call.js';
import { hasPrompt, nothingScreened, remoteCheck, remoteCheckBase } from './remote-check.js';
import type { RemoteCheck, RemoteCheckOptions } from './remote-check.js';
import { webhookAnswerSchema, webhookRequestBody, webhookVerdict } from './webhook-contract.js';

export const webhookCheckId = 'webhook';

export interface WebhookCheckOptions extends RemoteCheckOptions {
  url: string;
  /**
   * A Standard Webhooks secret (`whsec_` + base64, or bare base64). When set, every request
   * carries `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`
   * (`v1,` + base64 HMAC-SHA256 of `{id}.{timestamp}.{body}` keyed with the decoded secret),
   * which any standardwebhooks library verifies.
   */
  secret?: string;
  /** Extra request headers, e.g. the endpoint's own `authorization`; never shown in errors. */
  headers?: Record<string, string>;
  /** The endpoint's policy version, recorded as the check's version. Default `1`. */
  version?: string;
  /** Wall clock in ms, for the signature's timestamp; default `Date.now`. */
  clock?: () => number;
  /** The `webhook-id` of each request; default a random UUID. */
  newMessageId?: () => string;
}

const secretPattern = /^(whsec_)?[A-Za-z0-9+/]+={0,2}$/;

/**
 * A generic webhook: POSTs `{stage, param, prompt?, image?: {media_type, base64}}` and reads
 * `{decision: 'allow' | 'refuse', category?, rules?, scores?}` (see `webhookAnswerSchema`).
 * Throws at construction on a malformed secret, so a misconfiguration never reaches a screening.
 */
export function webhookCheck(options: WebhookCheckOptions): RemoteCheck {
  const base = remoteCheckBase(options, { id: webhookCheckId, version: options.version ?? '1' });
  const { secret } = options;
  if (secret != null && !secretPattern.test(secret)) {
    throw new Error(`${base.id}: the webhook secret is not a whsec_<base64> secret`);
  }
  const clock = options.clock ?? (() => Date.now());
  const newMessageId = options.newMessageId ?? (() => randomUUID());
  const extraHeaders = options.headers ?? {};
  const secrets = [...Object.values(extraHeaders), ...(secret != null ? [secret] : [])];
  return remoteCheck(base, async (input, context) => {
    if (!hasPrompt(input) && input.image == null) return nothingScreened;
    const body = JSON.stringify(webhookRequestBody(input, base.stage, context.param));
    const signature =
      secret != null
        ? signStandardWebhook(secret, newMessageId(), Math.floor(clock() / 1000), body)
        : {};
    const answer = await postRemoteJson({
      checkId: base.id,
      url: options.url,
      headers: { ...extraHeaders, ...signature },
      body,
      schema: webhookAnswerSchema,
      ...remoteTransport(options),
      secrets,
    });
    return 'error' in answer ? answer : webhookVerdict(answer.value, base.id);
  });
}
