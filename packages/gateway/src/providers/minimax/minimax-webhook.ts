import type { WebhookEvent } from '@vgw/spec';
import { z } from 'zod';
import { parseJsonBody } from '../../provider-http/standard-webhook.js';

/** A status update MiniMax POSTs to `callback_url` (§7.1): `{ task_id, status, file_id?, base_resp }`. */
const callbackStatusSchema = z.looseObject({
  task_id: z.union([z.string().min(1), z.number()]),
  status: z.string().optional(),
});

/**
 * The create-body field asking MiniMax to call back (v1 and v2). Opt-in (`options.callbacks:
 * true`) on top of a public URL: MiniMax first sends a challenge this interface cannot echo, and
 * whether it then rejects the task is unverified, so by default MiniMax renders finish by polling.
 */
export function minimaxCallbackFields(
  webhookURL: string | null | undefined,
  options: Record<string, unknown>,
) {
  return webhookURL != null && options.callbacks === true ? { callback_url: webhookURL } : {};
}

/**
 * MiniMax signs nothing, so any caller can send this; the harm is bounded because a webhook
 * only brings the named task's status check forward. Names it by the operation's `taskId`.
 *
 * Before its first update MiniMax POSTs `{ "challenge": "…" }` and expects it echoed back within
 * 3 s; `parseWebhook` cannot answer with a body, so a challenge is acknowledged with null (the
 * gateway answers 202 `{ received: true, videos: 0 }`) and MiniMax may then send no updates:
 * polling remains the mechanism that completes MiniMax renders.
 */
export async function parseMinimaxWebhook(request: Request): Promise<WebhookEvent | null> {
  const parsed = callbackStatusSchema.safeParse(parseJsonBody(await request.text()));
  return parsed.success ? { operationMatch: { taskId: String(parsed.data.task_id) } } : null;
}
