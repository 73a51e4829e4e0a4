import type { WebhookEvent } from '@vgw/spec';
import { z } from 'zod';
import {
  parseJsonBody,
  readWebhookSecret,
  verifyStandardWebhook,
} from '../../provider-http/standard-webhook.js';
import type { ProviderSettings } from '../provider-definition.js';
import { openaiProviderName } from './openai-models.js';
import { videoIdSchema } from './openai-schemas.js';

/**
 * The project-level webhook envelope (§1.4): `{ id: "evt_…", object: "event", type, data: { id } }`.
 * Only the two video events name a render; any other event type is acknowledged and ignored.
 */
const videoEventSchema = z.looseObject({
  type: z.enum(['video.completed', 'video.failed']),
  data: z.looseObject({ id: videoIdSchema }),
});

/**
 * OpenAI sends no per-request callback: webhooks are configured per project in the dashboard
 * and signed with the standard-webhooks scheme, verified with `settings.options.webhookSecret`.
 * The render is named by the operation's `videoId`.
 */
export async function parseOpenaiWebhook(
  settings: ProviderSettings,
  request: Request,
): Promise<WebhookEvent | null> {
  const { body, webhookId } = await verifyStandardWebhook({
    provider: openaiProviderName,
    request,
    secret: readWebhookSecret(openaiProviderName, settings.options),
    nowMs: settings.now(),
  });
  const parsed = videoEventSchema.safeParse(parseJsonBody(body));
  return parsed.success
    ? { operationMatch: { videoId: parsed.data.data.id }, deliveryId: webhookId }
    : null;
}
