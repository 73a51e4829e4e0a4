/**
 * The vocabulary every check shares. A check screens one input (the prompt, the input image, an
 * output frame) and reports findings; the policy engine turns findings into one decision.
 */

/** `pre`: before any upstream call; `post`: on the output before it is served; `log-only`: audited, never blocks. */
export type PolicyStage = 'pre' | 'post' | 'log-only';

/** What a check that itself errors (a timeout, a crash) decides: `closed` refuses, `open` allows. */
export type FailureMode = 'closed' | 'open';

export const policyCategories = [
  'sexual',
  'minors',
  'violence',
  'self_harm',
  'hate',
  'weapons',
  'real_people',
  'protected_characters',
  'brands',
] as const;

export type PolicyCategory = (typeof policyCategories)[number];

/** The input a decision is about: the request's field, or the rendered output. */
export type PolicyParam = 'prompt' | 'input_reference' | 'output';

/** One rule that fired. Ids and scores only: never the matched text. */
export interface PolicyFinding {
  /** The rule's id in its pack, e.g. `sexual.explicit` or `combo.minor-sexual`. */
  ruleId: string;
  category: PolicyCategory;
  /** `block` refuses; `flag` is recorded and refuses only through a combination rule. */
  effect: 'block' | 'flag';
  /** 0..1 for classifiers, 1 for a rule match. */
  score: number;
}

/** What one check reported for one input. */
export interface CheckOutcome {
  checkId: string;
  checkVersion: string;
  stage: PolicyStage;
  param: PolicyParam;
  findings: PolicyFinding[];
  /** Raw scores worth auditing (classifier classes, hash distances), by name. */
  scores: Record<string, number>;
  latencyMs: number;
  /** Set when the check itself failed; its failure mode then decides. */
  error?: string;
}

/** The additive `policy` field of a refusal, and the audit's summary of a decision. */
export interface PolicyVerdict {
  decision: 'allow' | 'refuse';
  version: string;
  /** The first blocking finding's category; null when allowed. */
  category: PolicyCategory | null;
  rules: string[];
  stage: PolicyStage;
  param: PolicyParam | null;
  checks: CheckOutcome[];
}
