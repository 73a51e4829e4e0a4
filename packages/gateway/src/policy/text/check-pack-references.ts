import { policyCategories } from '../policy-types.js';
import { expandAlternatives } from './expand-alternatives.js';
import type { PolicyPack } from './policy-pack-schema.js';

/** A problem the schema cannot see: where it is (a key path) and what it is. */
export interface PackProblem {
  path: (string | number)[];
  message: string;
}

function duplicateIds(pack: PolicyPack): PackProblem | null {
  const seen = new Set<string>();
  const ids: [string, (string | number)[]][] = [
    ...pack.lexicons.map((rule, index): [string, (string | number)[]] => [
      rule.rule,
      ['lexicons', index, 'rule'],
    ]),
    ...pack.entities.map((entity, index): [string, (string | number)[]] => [
      entity.id,
      ['entities', index, 'id'],
    ]),
    ...pack.combinations.map((rule, index): [string, (string | number)[]] => [
      rule.rule,
      ['combinations', index, 'rule'],
    ]),
  ];
  for (const [id, path] of ids) {
    if (seen.has(id)) return { path, message: `${id} is defined twice` };
    seen.add(id);
  }
  return null;
}

function unknownRequirement(pack: PolicyPack): PackProblem | null {
  const known = new Set<string>([
    ...policyCategories,
    ...pack.lexicons.map((rule) => rule.rule),
    ...pack.entities.map((entity) => entity.id),
    ...(pack.minorAge != null ? [pack.minorAge.rule] : []),
  ]);
  for (const [index, combination] of pack.combinations.entries()) {
    const position = combination.requires.findIndex((requirement) => !known.has(requirement));
    if (position >= 0) {
      const requirement = combination.requires[position]!;
      const message = `${requirement} is neither a category nor a rule or entity of this pack`;
      return { path: ['combinations', index, 'requires', position], message };
    }
  }
  return null;
}

function badAlternatives(pack: PolicyPack): PackProblem | null {
  for (const [index, lexicon] of pack.lexicons.entries()) {
    for (const [termIndex, entry] of lexicon.terms.entries()) {
      const phrases = typeof entry === 'string' ? [entry] : [entry.term, ...(entry.aliases ?? [])];
      try {
        phrases.forEach((phrase) => expandAlternatives(phrase));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { path: ['lexicons', index, 'terms', termIndex], message };
      }
    }
  }
  return null;
}

/** Duplicate ids, combinations naming nothing, and `{a|b}` alternatives that do not expand. */
export function checkPackReferences(pack: PolicyPack): PackProblem | null {
  return duplicateIds(pack) ?? unknownRequirement(pack) ?? badAlternatives(pack);
}
