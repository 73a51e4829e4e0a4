import { z } from 'zod';
import type { PolicyCategory, PolicyFinding } from '../policy-types.js';

/**
 * OpenAI's moderation categories in our vocabulary. Every flagged one blocks: the operator turned
 * this check on to refuse what OpenAI flags. Where our vocabulary has no exact match the nearest
 * is used and the rule id keeps OpenAI's name: harassment files under hate, harassment that
 * threatens under violence, illicit (advice on committing crimes; its violent form covers weapons
 * procurement) under weapons. `sexual/minors` is scored on text only: an image alone never
 * raises it, so the local image checks must cover minors.
 */
export const openAIModerationCategories: Record<string, PolicyCategory> = {
  sexual: 'sexual',
  'sexual/minors': 'minors',
  violence: 'violence',
  'violence/graphic': 'violence',
  'self-harm': 'self_harm',
  'self-harm/intent': 'self_harm',
  'self-harm/instructions': 'self_harm',
  hate: 'hate',
  'hate/threatening': 'hate',
  harassment: 'hate',
  'harassment/threatening': 'violence',
  illicit: 'weapons',
  'illicit/violent': 'weapons',
};

/** `sexual/minors` → `openai.sexual.minors`. */
export function openAIRuleId(category: string): string {
  return `openai.${category.replaceAll('/', '.')}`;
}

/**
 * One result of `POST /moderations`. Records, not fixed keys: a category OpenAI adds must not
 * break screening (it is scored and audited, and blocks once it is mapped above). `illicit` is
 * null on older models.
 */
const moderationResultSchema = z.looseObject({
  flagged: z.boolean(),
  categories: z.record(z.string(), z.boolean().nullable()),
  category_scores: z.record(z.string(), z.number()),
});

export const moderationResponseSchema = z.looseObject({
  id: z.string(),
  model: z.string(),
  results: z.array(moderationResultSchema).min(1),
});

export type ModerationAnswer = z.infer<typeof moderationResponseSchema>;

/**
 * Findings and scores from every result (an input list may get one result per item): a category
 * counts as flagged if any result flags it, with its highest score.
 */
export function moderationVerdict(answer: ModerationAnswer): {
  findings: PolicyFinding[];
  scores: Record<string, number>;
} {
  const scores: Record<string, number> = {};
  const flagged = new Set<string>();
  for (const result of answer.results) {
    for (const [category, score] of Object.entries(result.category_scores)) {
      scores[category] = Math.max(scores[category] ?? 0, score);
    }
    for (const [category, isFlagged] of Object.entries(result.categories)) {
      if (isFlagged === true) flagged.add(category);
    }
  }
  const findings: PolicyFinding[] = [];
  for (const [category, ours] of Object.entries(openAIModerationCategories)) {
    if (!flagged.has(category)) continue;
    findings.push({
      ruleId: openAIRuleId(category),
      category: ours,
      effect: 'block',
      score: scores[category] ?? 1,
    });
  }
  return { findings, scores };
}
