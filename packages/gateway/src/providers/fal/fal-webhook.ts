import type { WebhookEvent } from '@vgw/spec';
import { z } from 'zod';
import { parseJsonBody } from '../../provider-http/standard-webhook.js';

/** fal's webhook body (§8.4): `{ request_id, gateway_request_id, status, payload, error? }`. */
const falWebhookSchema = z.looseObject({
  request_id: z.string().min(1),
  status: z.string().optional(),
});

/** `?fal_webhook=…`: a caller's own `webhook_url` wins; else the gateway's public URL, if any. */
export function falWebhookQuery(
  callerURL: string | undefined,
  webhookURL: string | null | undefined,
): string {
  const target = callerURL ?? webhookURL;
  return target != null ? `?fal_webhook=${encodeURIComponent(target)}` : '';
}

/**
 * fal signs webhooks with ED25519 against keys published at a JWKS URL, but that scheme is
 * unverified here (§8.4), so webhooks are accepted unsigned; the harm is bounded because a
 * webhook only brings the named request's status check forward. Names it by `requestId`.
 */
export async function parseFalWebhook(request: Request): Promise<WebhookEvent | null> {
  const parsed = falWebhookSchema.safeParse(parseJsonBody(await request.text()));
  return parsed.success ? { operationMatch: { requestId: parsed.data.request_id } } : null;
}
