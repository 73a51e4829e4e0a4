import { NotFoundError } from '@vgw/spec';
import type { Context } from 'hono';
import { wakeRendersMatching } from '../../db/video-transitions-repository.js';
import { videosDueChannel } from '../../generation/create-video.js';
import type { AppDeps, AppEnv } from '../app-deps.js';
import { inspectJsonValue } from '../openai/inspect-json-value.js';

/**
 * `POST /v1/webhooks/{provider}`: no API key (providers cannot send ours); the adapter verifies
 * the provider's own signature where it signs. A webhook only brings the render's next status
 * check forward, so polling stays the backstop and a forged call can at most cause one check.
 */
export async function receiveWebhook(deps: AppDeps, context: Context<AppEnv>): Promise<Response> {
  const provider = context.req.param('provider') as string;
  const entry = deps.registry
    .list()
    .find((each) => each.provider === provider && each.model?.parseWebhook != null);
  if (entry?.model?.parseWebhook == null) {
    throw new NotFoundError(`no configured provider "${provider}" takes webhooks`, 'provider');
  }
  const event = await entry.model.parseWebhook(context.req.raw);
  if (event == null) return context.json({ received: true, videos: 0 }, 202);
  // The match comes from an unauthenticated body: NUL, lone surrogates or deep nesting in it
  // would fail in the jsonb query (or overflow the stack) instead of matching nothing.
  inspectJsonValue(event.operationMatch, 'body', { maxDepth: 16, maxBytes: 16 * 1024 });
  const woken = await wakeRendersMatching(deps.database, {
    provider,
    operationMatch: event.operationMatch,
    channel: videosDueChannel,
  });
  return context.json({ received: true, videos: woken.length }, 202);
}
