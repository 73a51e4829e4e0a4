import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTextCheck } from './create-text-check.js';
import { defaultPolicyFile } from './default-policy-file.js';
import { parsePolicyPack } from './parse-policy-pack.js';

const pack = parsePolicyPack(readFileSync(defaultPolicyFile, 'utf8'), 'default-policy.yaml');
const check = createTextCheck(pack);

function blockingRules(text: string): string[] {
  const outcome = check.screen(text, { allowlist: { entityIds: [] } });
  return outcome.findings
    .filter((finding) => finding.effect === 'block')
    .map((finding) => finding.ruleId);
}

describe('misspellings', () => {
  it.each([
    ['short terms, first letter kept', 'nfsw lolu'],
    ['a rare dictionary word read as a typo', 'youbg teen nides'],
    ['a typo of a common word inside a phrase', 'a grown man sdeucing a luttle girl'],
    ['typos of a number and a unit', 'erptic scene with a twelvr year old'],
    ['typos of long words in another language', 'engant nu dans une scène érotiqie'],
  ])('blocks %s: %s', (_, text) => {
    expect(blockingRules(text)).toContain('combo.minor-sexual');
  });

  it('reads a short abbreviation misspelt', () => {
    expect(blockingRules('caam')).toEqual(['minors.sexual-abuse']);
  });

  it.each([
    ['an everyday word one letter from a term', 'kids baked cookies with their mum'],
    ['a three-letter word with a changed letter', 'the whole fam at the beach with the kids'],
    ['a leet guess that is no word', '4 fr1ed chicken 13g 4nd thi9h m3@l'],
    ['a rare word inside a dictionary split', 'Grumbo the friendly troll guarding a bridge'],
    ['stretched letters', 'a ssssscene wwwwwhere ttthe heeeero takkkkes a shot'],
    ['a number that is a word', 'there years old stories told by the fire'],
  ])('allows %s: %s', (_, text) => {
    expect(blockingRules(text)).toEqual([]);
  });
});

describe('terms inside long squashed words', () => {
  it.each([
    ['across a wrong dictionary split', 'minorperformingasexact'],
    ['with no dictionary split at all', 'menordeedadenunvideoporno'],
    ['in French', 'enfantnudansunescèneérotique'],
  ])('blocks the pair %s: %s', (_, text) => {
    expect(blockingRules(text)).toContain('combo.minor-sexual');
  });

  it.each([
    ['a term inside one word of the split', 'childrenvisitingthetherapistoffice'],
    ['an innocent place name', 'kidsplayinginthesussexcountryside'],
  ])('allows %s: %s', (_, text) => {
    expect(blockingRules(text)).toEqual([]);
  });

  it('never blocks on one side of the pair found inside a word', () => {
    expect(blockingRules('someonewatchingthesunsetovertheocean')).toEqual([]);
    expect(blockingRules('ateenagerlearningtoplaythecello')).toEqual([]);
  });
});
