import {
  bidiControl,
  caseNoise,
  fullwidth,
  homoglyph,
  mathScript,
  zeroWidth,
} from './character-mutations.js';
import type { Mutation } from './mutation.js';
import type { RedteamCase } from './redteam-case.js';
import { seededRandom } from './seeded-random.js';
import { dottedLetters, repeatedLetters, spacedLetters, squashed } from './spacing-mutations.js';
import { leetspeak, misspelling } from './spelling-mutations.js';
import { base64Wrapped, dilution } from './wrapping-mutations.js';

/** Every generated evasion technique, by the name reports use. */
export const mutations = {
  homoglyph,
  zero_width: zeroWidth,
  bidi: bidiControl,
  fullwidth,
  math_script: mathScript,
  leetspeak,
  spaced: spacedLetters,
  dotted: dottedLetters,
  squashed,
  repeated_letters: repeatedLetters,
  misspelling,
  case_noise: caseNoise,
  base64: base64Wrapped,
  dilution,
} satisfies Record<string, Mutation>;

export type MutationTechnique = keyof typeof mutations;

export const mutationTechniques = Object.keys(mutations) as MutationTechnique[];

/**
 * The case rewritten by one technique, seeded by its id and the technique, so the same suite
 * always yields the same cases. The expectation stays: a mutated benign prompt must still pass.
 * Null when the technique cannot change this text (no Latin letters for homoglyphs, say).
 */
export function mutateCase(seed: RedteamCase, technique: MutationTechnique): RedteamCase | null {
  const random = seededRandom(`${seed.id}~${technique}`);
  const text = mutations[technique](seed.text, random);
  if (text === seed.text) return null;
  return { ...seed, id: `${seed.id}~${technique}`, text, technique, seedId: seed.id };
}

/** The authored cases followed by every technique applied to each of them. */
export function expandWithMutations(
  cases: readonly RedteamCase[],
  techniques: readonly MutationTechnique[] = mutationTechniques,
): RedteamCase[] {
  const mutated = cases.flatMap((seed) =>
    techniques.flatMap((technique) => {
      const variant = mutateCase(seed, technique);
      return variant != null ? [variant] : [];
    }),
  );
  return [...cases, ...mutated];
}
