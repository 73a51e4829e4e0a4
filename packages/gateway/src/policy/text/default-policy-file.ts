/** Where the shipped rule pack lives; reading it is the loader's job (config), not this module's. */
export const defaultPolicyFile = new URL('../../../policy/default-policy.yaml', import.meta.url);
