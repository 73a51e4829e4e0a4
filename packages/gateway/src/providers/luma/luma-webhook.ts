import type { WebhookEvent } from '@vgw/spec';
import { z } from 'zod';
import { parseJsonBody } from '../../provider-http/standard-webhook.js';

/** Luma POSTs the whole Generation object on each state change (§4.4); only `id` matters here. */
const callbackGenerationSchema = z.looseObject({
  id: z.string().min(1),
  state: z.string().optional(),
});

/**
 * Luma signs nothing (§4.4), so any caller can send this; the harm is bounded because a
 * webhook only brings the named generation's status check forward. Names it by the
 * operation's `id`.
 */
export async function parseLumaWebhook(request: Request): Promise<WebhookEvent | null> {
  const parsed = callbackGenerationSchema.safeParse(parseJsonBody(await request.text()));
  return parsed.success ? { operationMatch: { id: parsed.data.id } } : null;
}
