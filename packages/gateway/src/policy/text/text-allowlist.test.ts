import { describe, expect, it } from 'vitest';
import { policyPackSchema } from './policy-pack-schema.js';
import { allowlistRefusal, isAllowlistable } from './text-allowlist.js';

const pack = policyPackSchema.parse({
  version: '1',
  lexicons: [
    { rule: 'sexual.explicit', category: 'sexual', effect: 'block', terms: ['porn'] },
    { rule: 'violence.gore', category: 'violence', effect: 'block', terms: ['gore'] },
  ],
  entities: [{ id: 'character.pikachu', category: 'protected_characters', names: ['pikachu'] }],
  combinations: [
    {
      rule: 'combo.minor-sexual',
      category: 'minors',
      effect: 'block',
      requires: ['minors', 'sexual'],
    },
  ],
});

describe('allowlistRefusal', () => {
  it('allows protected entities of the pack', () => {
    expect(allowlistRefusal(pack, 'character.pikachu')).toBeNull();
    expect(isAllowlistable(pack, 'character.pikachu')).toBe(true);
  });

  it('refuses sexual rules and combinations by name', () => {
    expect(allowlistRefusal(pack, 'sexual.explicit')).toMatch(
      /sexual rules can never be allowlisted/,
    );
    expect(allowlistRefusal(pack, 'combo.minor-sexual')).toMatch(/only protected entities/);
    expect(isAllowlistable(pack, 'violence.gore')).toBe(false);
  });

  it('refuses ids the pack does not know', () => {
    expect(allowlistRefusal(pack, 'character.pikachoo')).toMatch(/not an entity of policy 1/);
  });
});
