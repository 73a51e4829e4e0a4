import { describe, expect, it } from 'vitest';
import { compileTextPack } from './compile-text-pack.js';
import { foldWithBuiltinMap } from './fold-confusables.js';
import { matchSquashed } from './match-squashed.js';
import { policyPackSchema } from './policy-pack-schema.js';

const pack = policyPackSchema.parse({
  version: '1',
  lexicons: [
    {
      rule: 'sexual.explicit',
      category: 'sexual',
      effect: 'block',
      terms: ['penis', 'cunt', 'rapist', 'porn'],
    },
  ],
  entities: [{ id: 'person.taylor-swift', category: 'real_people', names: ['taylor swift'] }],
});
const compiled = compileTextPack(pack, foldWithBuiltinMap);
const rules = (words: string) => matchSquashed(compiled, words.split(' ')).map((hit) => hit.ruleId);

describe('matchSquashed', () => {
  it('joins spelled-out letters and short fragments', () => {
    expect(rules('a p o r n clip')).toEqual(['sexual.explicit']);
    expect(rules('po rn')).toEqual(['sexual.explicit']);
  });

  it('joins a protected name written as one word or split oddly', () => {
    expect(rules('taylorswift')).toEqual(['person.taylor-swift']);
    expect(rules('tay lorswift')).toEqual(['person.taylor-swift']);
  });

  it('does not glue ordinary words into a term', () => {
    expect(rules('the pen is red')).toEqual([]);
  });

  it('never matches inside a word', () => {
    expect(rules('scunthorpe')).toEqual([]);
    expect(rules('therapist')).toEqual([]);
  });
});
