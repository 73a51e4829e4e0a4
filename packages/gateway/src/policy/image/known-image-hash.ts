import { z } from 'zod';
import { policyCategories, type PolicyCategory } from '../policy-types.js';

/** One image a list refuses near-copies of: known protected art, a known likeness photo. */
export interface KnownImageHash {
  /** Unique within its list; becomes part of the finding's rule id. */
  id: string;
  /** 64-bit perceptual hash as 16 hex digits, from `hashImage`. */
  hash: string;
  category: PolicyCategory;
  /** What the image is, for people reading the list; never sent to a caller. */
  label: string;
}

/** Lists come from policy files and project settings, so every entry is checked on the way in. */
export const knownImageHashSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'letters, digits, ".", "_" and "-" only'),
  hash: z
    .string()
    .regex(/^[0-9a-fA-F]{16}$/, '16 hex digits (a 64-bit perceptual hash)')
    .transform((hash) => hash.toLowerCase()),
  category: z.enum(policyCategories),
  label: z.string().max(500),
});

export const knownImageHashListSchema = z
  .array(knownImageHashSchema)
  .superRefine((hashes, issues) => {
    const seen = new Set<string>();
    for (const [index, entry] of hashes.entries()) {
      if (seen.has(entry.id)) {
        issues.addIssue({
          code: 'custom',
          message: `duplicate id ${entry.id}`,
          path: [index, 'id'],
        });
      }
      seen.add(entry.id);
    }
  });
