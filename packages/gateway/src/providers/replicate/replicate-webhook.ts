import type { WebhookEvent } from '@vgw/spec';
import { z } from 'zod';
import {
  parseJsonBody,
  readWebhookSecret,
  verifyStandardWebhook,
} from '../../provider-http/standard-webhook.js';
import type { ProviderSettings } from '../provider-definition.js';
import { replicateProviderName } from './replicate-models.js';

/** Only the terminal call: the status check fetches the outcome (§9.4). */
export const replicateWebhookEvents = ['completed'];

/** Replicate POSTs the Prediction object; only its id matters here. */
const webhookPredictionSchema = z.looseObject({ id: z.string().min(1) });

/** The create-body fields that ask Replicate to call back, or none without a public URL. */
export function replicateWebhookFields(settings: ProviderSettings) {
  return settings.webhookURL != null
    ? { webhook: settings.webhookURL, webhook_events_filter: replicateWebhookEvents }
    : {};
}

/**
 * Verifies the standard-webhooks signature with `settings.options.webhookSecret` (Replicate's
 * `GET /webhooks/default/secret`), then names the prediction by the operation's `predictionId`.
 */
export async function parseReplicateWebhook(
  settings: ProviderSettings,
  request: Request,
): Promise<WebhookEvent | null> {
  const { body, webhookId } = await verifyStandardWebhook({
    provider: replicateProviderName,
    request,
    secret: readWebhookSecret(replicateProviderName, settings.options),
    nowMs: settings.now(),
  });
  const parsed = webhookPredictionSchema.safeParse(parseJsonBody(body));
  return parsed.success
    ? { operationMatch: { predictionId: parsed.data.id }, deliveryId: webhookId }
    : null;
}
