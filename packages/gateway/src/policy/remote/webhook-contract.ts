import { z } from 'zod';
import { policyCategories } from '../policy-types.js';
import type { PolicyFinding, PolicyParam, PolicyStage } from '../policy-types.js';
import { hasPrompt } from './remote-check.js';
import type { RemoteCheckInput } from './remote-check.js';

/** What the gateway POSTs to a webhook check (snake_case, as the rest of the wire). */
export interface WebhookCheckRequest {
  stage: PolicyStage;
  param: PolicyParam;
  prompt?: string;
  image?: { media_type: string; base64: string };
}

export function webhookRequestBody(
  input: RemoteCheckInput,
  stage: PolicyStage,
  param: PolicyParam,
): WebhookCheckRequest {
  const body: WebhookCheckRequest = { stage, param };
  if (hasPrompt(input)) body.prompt = input.prompt;
  if (input.image != null) {
    body.image = {
      media_type: input.image.mediaType,
      base64: Buffer.from(input.image.bytes).toString('base64'),
    };
  }
  return body;
}

/**
 * Rule ids end up in refusals and the audit: short and plain, so an endpoint cannot put prompt
 * text (or anything else) there.
 */
const ruleIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/, 'a rule id is 1-100 letters, digits or ._:/-');

const scoresSchema = z.record(z.string().min(1).max(100), z.number()).optional();

/**
 * The webhook's answer. A refusal must name one of our categories: a refusal without one would
 * be opaque, so it is a malformed answer and the check's failure mode decides.
 */
export const webhookAnswerSchema = z.discriminatedUnion('decision', [
  z.looseObject({ decision: z.literal('allow'), scores: scoresSchema }),
  z.looseObject({
    decision: z.literal('refuse'),
    category: z.enum(policyCategories),
    rules: z.array(ruleIdSchema).max(50).optional(),
    scores: scoresSchema,
  }),
]);

export type WebhookAnswer = z.infer<typeof webhookAnswerSchema>;

/**
 * A refusal is one blocking finding per rule the endpoint names (`<check id>.<category>` when
 * it names none), scored from its scores where it gave one for that rule.
 */
export function webhookVerdict(
  answer: WebhookAnswer,
  checkId: string,
): { findings: PolicyFinding[]; scores: Record<string, number> } {
  const scores = answer.scores ?? {};
  if (answer.decision === 'allow') return { findings: [], scores };
  const rules = answer.rules ?? [];
  const ruleIds = rules.length > 0 ? [...new Set(rules)] : [`${checkId}.${answer.category}`];
  const findings = ruleIds.map(
    (ruleId): PolicyFinding => ({
      ruleId,
      category: answer.category,
      effect: 'block',
      score: scores[ruleId] ?? 1,
    }),
  );
  return { findings, scores };
}
