import { z } from 'zod';
import { policyCategories } from '../policy-types.js';

const ruleId = z
  .string()
  .regex(/^[a-z0-9_]+(\.[a-z0-9_-]+)+$/, 'a dotted id such as sexual.explicit');
const phrase = z.string().trim().min(1);
const category = z.enum(policyCategories);
const effect = z.enum(['block', 'flag']);
/** Other-language forms by language code (es, fr, de, ja, ru…), each a list of phrases. */
const languages = z.record(z.string().regex(/^[a-z]{2,3}(-[a-z0-9]+)?$/), z.array(phrase));

/**
 * A term and its aliases may use `{a|b}` alternatives and a trailing `*` on a word (a stem):
 * `{cutting|slitting} {her|his} wrists`, `porn*`.
 */
const termObject = z.strictObject({
  term: phrase,
  aliases: z.array(phrase).optional(),
  languages: languages.optional(),
  /**
   * Misspellings (Damerau-Levenshtein) of this term's words; on by default, since a word the
   * English dictionary knows is never read as a misspelling. Off for terms whose misspellings
   * are other languages' ordinary words.
   */
  fuzzy: z.boolean().optional(),
  /** Circumlocutions, matched as a set of keywords close together in any order. */
  descriptions: z.array(phrase).optional(),
  /** Phrases around the term that make it innocent: `suicide squad`, `same sex`. */
  except: z.array(phrase).optional(),
});

export const lexiconRuleSchema = z.strictObject({
  rule: ruleId,
  category,
  effect,
  description: z.string().optional(),
  terms: z.array(z.union([phrase, termObject])).min(1),
});

export const entityCategories = ['real_people', 'protected_characters', 'brands'] as const;

export const entitySchema = z.strictObject({
  id: z
    .string()
    .regex(/^(person|character|brand)\.[a-z0-9-]+$/, 'person.x, character.x or brand.x'),
  category: z.enum(entityCategories),
  effect: effect.default('block'),
  names: z.array(phrase).min(1),
  aliases: z.array(phrase).optional(),
  languages: languages.optional(),
  /** Circumlocutions, matched as a set of keywords close together in any order. */
  descriptions: z.array(phrase).optional(),
  /** Misspellings of the names; on by default, off for names that are also ordinary words. */
  fuzzy: z.boolean().default(true),
  /** Phrases around a name that make it something else: `nike of samothrace`. */
  except: z.array(phrase).optional(),
});

export const combinationSchema = z.strictObject({
  rule: ruleId,
  category,
  effect,
  description: z.string().optional(),
  /** Each element a category or a rule id; the rule fires when every element has a finding. */
  requires: z.array(z.string().min(1)).min(2),
});

export const minorAgeSchema = z.strictObject({
  rule: ruleId,
  effect: effect.default('flag'),
  below: z.number().int().min(1).max(25).default(18),
  /** Words that follow a number to make an age: year, years, yo, años, ans, jahre… */
  units: z.array(phrase).min(1),
});

export const policyPackSchema = z.strictObject({
  version: z.string().min(1),
  description: z.string().optional(),
  lexicons: z.array(lexiconRuleSchema).default([]),
  entities: z.array(entitySchema).default([]),
  combinations: z.array(combinationSchema).default([]),
  minorAge: minorAgeSchema.optional(),
});

export type PolicyPack = z.infer<typeof policyPackSchema>;
export type LexiconRule = z.infer<typeof lexiconRuleSchema>;
export type ProtectedEntity = z.infer<typeof entitySchema>;
export type CombinationRule = z.infer<typeof combinationSchema>;
export type MinorAgeRule = z.infer<typeof minorAgeSchema>;
