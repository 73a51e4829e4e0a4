import type { PolicyCategory } from '../policy-types.js';
import type { PolicyPack } from './policy-pack-schema.js';

/** A project's licences and consents: entity ids (`character.pikachu`, `person.jane-doe`). */
export interface TextAllowlist {
  entityIds: readonly string[];
}

/** Categories no project can switch off, alone or as part of a combination. */
export const neverAllowlistable: ReadonlySet<PolicyCategory> = new Set(['minors', 'sexual']);

/**
 * Why an id cannot go on a project's allowlist, or null when it can. Only protected entities of
 * the pack (people, characters, brands) can; rules, combinations and unknown ids cannot, so a
 * typo or an attempt to allowlist `sexual.explicit` is refused when the config loads.
 */
export function allowlistRefusal(pack: PolicyPack, id: string): string | null {
  const entity = pack.entities.find((candidate) => candidate.id === id);
  if (entity != null) return null;
  const lexicon = pack.lexicons.find((candidate) => candidate.rule === id);
  if (lexicon != null && neverAllowlistable.has(lexicon.category)) {
    return `${id} is a ${lexicon.category} rule; ${lexicon.category} rules can never be allowlisted`;
  }
  const isRule =
    lexicon != null ||
    pack.combinations.some((candidate) => candidate.rule === id) ||
    pack.minorAge?.rule === id;
  if (isRule)
    return `${id} is a rule; only protected entities (person.*, character.*, brand.*) can be allowlisted`;
  return `${id} is not an entity of policy ${pack.version}`;
}

/** Whether a project may allowlist this id (see allowlistRefusal for the reason when not). */
export function isAllowlistable(pack: PolicyPack, id: string): boolean {
  return allowlistRefusal(pack, id) == null;
}
