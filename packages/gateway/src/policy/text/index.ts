export { createTextCheck, textCheckId } from './create-text-check.js';
export type { TextCheck, TextCheckOptions } from './create-text-check.js';
export { parsePolicyPack } from './parse-policy-pack.js';
export { PolicyFileError } from './policy-file-error.js';
export { policyPackSchema } from './policy-pack-schema.js';
export type {
  PolicyPack,
  LexiconRule,
  ProtectedEntity,
  CombinationRule,
  MinorAgeRule,
} from './policy-pack-schema.js';
export { allowlistRefusal, isAllowlistable, neverAllowlistable } from './text-allowlist.js';
export type { TextAllowlist } from './text-allowlist.js';
export { defaultPolicyFile } from './default-policy-file.js';
