import { createHmac, timingSafeEqual } from 'node:crypto';
import { AuthenticationError } from '@vgw/spec';
import { z } from 'zod';

/** How old a signed webhook may be, as the standard-webhooks libraries default. */
export const webhookToleranceSeconds = 300;

/** `settings.options.webhookSecret`: the `whsec_…` signing secret the provider shows. */
const webhookSecretSchema = z.looseObject({
  webhookSecret: z
    .string()
    .regex(/^(whsec_)?[A-Za-z0-9+/=]+$/, 'expected whsec_<base64>')
    .optional(),
});

/**
 * Reads `settings.options.webhookSecret`; null when absent. A malformed secret is a
 * configuration error, reported as an authentication refusal so a webhook never slips through.
 */
export function readWebhookSecret(provider: string, options: Record<string, unknown>) {
  const parsed = webhookSecretSchema.safeParse(options);
  if (!parsed.success) {
    throw new AuthenticationError(
      `${provider}: settings.options.webhookSecret is not a whsec_<base64> secret`,
    );
  }
  return parsed.data.webhookSecret ?? null;
}

function signatureOf(secret: string, signedContent: string): Buffer {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return createHmac('sha256', key).update(signedContent).digest();
}

/** Signs like a standard-webhooks sender (for tests and emulators): the three headers. */
export function signStandardWebhook(
  secret: string,
  webhookId: string,
  timestampSeconds: number,
  body: string,
): Record<string, string> {
  const signature = signatureOf(secret, `${webhookId}.${timestampSeconds}.${body}`);
  return {
    'webhook-id': webhookId,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': `v1,${signature.toString('base64')}`,
  };
}

function anySignatureMatches(header: string, expected: Buffer): boolean {
  return header
    .split(' ')
    .filter((part) => part.startsWith('v1,'))
    .some((part) => {
      const candidate = Buffer.from(part.slice(3), 'base64');
      return candidate.length === expected.length && timingSafeEqual(candidate, expected);
    });
}

/** A verified standard-webhooks message: its raw body and its `webhook-id`. */
export interface VerifiedWebhook {
  body: string;
  webhookId: string;
}

/**
 * Verifies a standard-webhooks request (`webhook-id`, `webhook-timestamp`, `webhook-signature`
 * = space-separated `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`) and returns its raw
 * body and id (the caller remembers ids against replays). Throws AuthenticationError when the secret is not configured, a header is missing, the
 * timestamp is more than 300 s away from `nowMs`, or no signature matches.
 */
export async function verifyStandardWebhook(args: {
  provider: string;
  request: Request;
  secret: string | null;
  nowMs: number;
}): Promise<VerifiedWebhook> {
  const { provider, request, secret } = args;
  if (secret == null) {
    throw new AuthenticationError(
      `${provider}: webhooks are signed; configure settings.options.webhookSecret to accept them`,
    );
  }
  const webhookId = request.headers.get('webhook-id');
  const timestamp = request.headers.get('webhook-timestamp');
  const signature = request.headers.get('webhook-signature');
  if (webhookId == null || timestamp == null || signature == null) {
    throw new AuthenticationError(`${provider}: webhook signature headers are missing`);
  }
  const seconds = Number(timestamp);
  if (!/^\d+$/.test(timestamp) || Math.abs(args.nowMs / 1000 - seconds) > webhookToleranceSeconds) {
    throw new AuthenticationError(`${provider}: webhook timestamp is too old or invalid`);
  }
  const body = await request.text();
  const expected = signatureOf(secret, `${webhookId}.${timestamp}.${body}`);
  if (!anySignatureMatches(signature, expected)) {
    throw new AuthenticationError(`${provider}: webhook signature does not verify`);
  }
  return { body, webhookId };
}

/** Parses a raw JSON body; null for anything that is not JSON. */
export function parseJsonBody(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null;
  }
}
