import type { WebhookEvent } from '@vgw/spec';
import { z } from 'zod';
import { parseJsonBody } from '../../provider-http/standard-webhook.js';

/**
 * Kling's callback body is the task itself (`task_id`, `task_status`, `task_result`, …), not
 * wrapped in the `{ code, data }` envelope of its API answers.
 */
const callbackTaskSchema = z.looseObject({
  task_id: z.string().min(1),
  task_status: z.string().optional(),
});

/** The create-body field asking Kling to call back, or none without a public URL. */
export function klingCallbackFields(webhookURL: string | null | undefined) {
  return webhookURL != null ? { callback_url: webhookURL } : {};
}

/**
 * Kling signs nothing, so any caller can send this; the harm is bounded because a webhook only
 * brings the named task's status check forward. Names it by the operation's `taskId`.
 */
export async function parseKlingWebhook(request: Request): Promise<WebhookEvent | null> {
  const parsed = callbackTaskSchema.safeParse(parseJsonBody(await request.text()));
  return parsed.success ? { operationMatch: { taskId: parsed.data.task_id } } : null;
}
