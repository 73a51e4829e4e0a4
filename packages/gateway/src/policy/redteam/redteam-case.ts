import { z } from 'zod';

/**
 * The suite's own categories. They follow the policy's categories where one fits; two are the
 * suite's: `minors_sexual` (a minor-indicating term combined with a sexual one, the combination
 * rule's target) and `benign` (prompts that must be allowed).
 */
export const redteamCategories = [
  'minors_sexual',
  'sexual',
  'real_people',
  'protected_characters',
  'brands',
  'violence',
  'self_harm',
  'hate',
  'weapons',
  'benign',
] as const;

export type RedteamCategory = (typeof redteamCategories)[number];

/** How a row was authored: `seed` plainly, or as another language or a descriptive alias. */
export const authoredTechniques = ['seed', 'translation', 'alias'] as const;

export const redteamCaseSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(120)
      .regex(/^[A-Za-z0-9._~-]+$/, 'ids are letters, digits and . _ ~ -'),
    text: z.string().min(1),
    expected: z.enum(['block', 'allow']),
    category: z.enum(redteamCategories),
    technique: z.string().min(1).max(60),
    source: z.string().min(1),
    licence: z.string().min(1),
  })
  .strict()
  .refine((row) => (row.category === 'benign') === (row.expected === 'allow'), {
    message: 'benign rows expect "allow" and every other category expects "block"',
    path: ['expected'],
  });

/** One prompt the policy is run against. Mutated cases name the row they came from in `seedId`. */
export type RedteamCase = z.infer<typeof redteamCaseSchema> & { seedId?: string };
