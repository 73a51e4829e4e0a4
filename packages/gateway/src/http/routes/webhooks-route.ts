import { InvalidRequestError, NotFoundError } from '@vgw/spec';
import type { Context } from 'hono';
import { wakeRendersMatching } from '../../db/webhook-wake-repository.js';
import { recordWebhookReceipt } from '../../db/webhook-receipts-repository.js';
import { videosDueChannel } from '../../db/videos-repository.js';
import type { AppDeps, AppEnv } from '../app-deps.js';
import { throwIfBodyTooLarge } from '../middleware/body-too-large.js';
import { inspectJsonValue } from '../openai/inspect-json-value.js';

/**
 * `POST /v1/webhooks/{provider}`: no API key (providers cannot send ours); the adapter verifies
 * the provider's own signature where it signs. A webhook only brings the render's next status
 * check forward, so polling stays the backstop: a forged call can at most cause one check per
 * render every 2 s, a replayed signed message (same `webhook-id`) none, and a body past
 * `webhookMaxBodyBytes` is refused before it is read.
 */
/** Provider webhooks are small JSON notices; nothing bigger is read from an unsigned sender. */
export const webhookMaxBodyBytes = 256 * 1024;

/**
 * The body read here, under the body limit, so a body past it is a 413 whatever the adapter
 * does with a failing stream; the adapter gets an ordinary request over the buffered bytes.
 */
async function bufferedRequest(request: Request): Promise<Request> {
  let body: ArrayBuffer;
  try {
    body = await request.arrayBuffer();
  } catch (error) {
    throwIfBodyTooLarge(error);
    throw new InvalidRequestError('the webhook body could not be read', 'body');
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body });
}

export async function receiveWebhook(deps: AppDeps, context: Context<AppEnv>): Promise<Response> {
  const provider = context.req.param('provider') as string;
  const entry = deps.registry
    .list()
    .find((each) => each.provider === provider && each.model?.parseWebhook != null);
  if (entry?.model?.parseWebhook == null) {
    throw new NotFoundError(`no configured provider "${provider}" takes webhooks`, 'provider');
  }
  const event = await entry.model.parseWebhook(await bufferedRequest(context.req.raw));
  if (event == null) return context.json({ received: true, videos: 0 }, 202);
  // The match comes from an unauthenticated body: NUL, lone surrogates or deep nesting in it
  // would fail in the jsonb query (or overflow the stack) instead of matching nothing.
  inspectJsonValue(event.operationMatch, 'body', { maxDepth: 16, maxBytes: 16 * 1024 });
  if (event.deliveryId != null) {
    const first = await recordWebhookReceipt(deps.database, {
      provider,
      deliveryId: event.deliveryId,
    });
    if (!first) return context.json({ received: true, videos: 0, duplicate: true }, 202);
  }
  const woken = await wakeRendersMatching(deps.database, {
    provider,
    operationMatch: event.operationMatch,
    channel: videosDueChannel,
    minimumIntervalSeconds: deps.webhookWakeIntervalSeconds ?? 2,
  });
  return context.json({ received: true, videos: woken.length }, 202);
}
