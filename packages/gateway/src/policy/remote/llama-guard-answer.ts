import { z } from 'zod';
import type { PolicyCategory, PolicyFinding } from '../policy-types.js';

/**
 * Llama Guard 3/4 hazard codes (the MLCommons taxonomy) that have a counterpart in our
 * vocabulary. S5 defamation and S7 privacy are about real people, S8 intellectual property is
 * protected characters and brands.
 */
export const llamaGuardCategories: Record<string, PolicyCategory> = {
  S1: 'violence',
  S3: 'sexual',
  S4: 'minors',
  S5: 'real_people',
  S7: 'real_people',
  S8: 'protected_characters',
  S9: 'weapons',
  S10: 'hate',
  S11: 'self_harm',
  S12: 'sexual',
};

/**
 * Where a code without a counterpart files (S2 non-violent crimes, S6 specialised advice, S13
 * elections, S14 code interpreter abuse, any code a later model adds, and an `unsafe` without a
 * code). It still refuses: the operator deployed the model to refuse what it calls unsafe, and
 * the rule id names the code, so the refusal is not opaque. `weapons` is our bucket for crime
 * and dangerous activity, where OpenAI's `illicit` also goes.
 */
export const defaultUnmappedCategory: PolicyCategory = 'weapons';

export type LlamaGuardVerdict = { safe: true } | { safe: false; codes: string[] };

/**
 * Reads the model's answer: `safe`, or `unsafe` then the violated codes (`unsafe\nS1,S10`),
 * tolerating case, spaces and either separator. Null for anything else (prose from a model that
 * is not a guard model, an empty answer).
 */
export function parseLlamaGuardAnswer(answer: string): LlamaGuardVerdict | null {
  const match = /^(safe|unsafe)(?![a-z])([\s\S]*)$/i.exec(answer.trim());
  if (match == null) return null;
  const rest = (match[2] ?? '').trim();
  if (match[1]!.toLowerCase() === 'safe') return rest === '' ? { safe: true } : null;
  if (!/^(s\d{1,2}([\s,]+s\d{1,2})*)?[\s,]*$/i.test(rest)) return null;
  const codes = [...rest.matchAll(/s(\d{1,2})/gi)].map((code) => `S${Number(code[1])}`);
  return { safe: false, codes: [...new Set(codes)] };
}

/** One blocking finding per violated code, `llama-guard.S4`; `llama-guard.unsafe` without one. */
export function llamaGuardFindings(
  verdict: LlamaGuardVerdict,
  unmappedCategory: PolicyCategory,
): PolicyFinding[] {
  if (verdict.safe) return [];
  const codes = verdict.codes.length > 0 ? verdict.codes : ['unsafe'];
  return codes.map((code) => ({
    ruleId: `llama-guard.${code}`,
    category: llamaGuardCategories[code] ?? unmappedCategory,
    effect: 'block',
    score: 1,
  }));
}

/** The part of an OpenAI-compatible chat completion the check reads. */
export const chatCompletionSchema = z.looseObject({
  choices: z
    .array(z.looseObject({ message: z.looseObject({ content: z.string().nullable() }) }))
    .min(1),
});
