import { describe, expect, it } from 'vitest';
import { parsePolicyPack } from './parse-policy-pack.js';
import { PolicyFileError } from './policy-file-error.js';

const validYaml = `version: '1'
lexicons:
  - rule: sexual.explicit
    category: sexual
    effect: block
    terms: [porn, { term: nude, aliases: [naked], languages: { es: [desnudo] } }]
entities:
  - id: character.pikachu
    category: protected_characters
    names: [pikachu]
combinations:
  - rule: combo.minor-sexual
    category: minors
    effect: block
    requires: [minors, sexual]
`;

function failure(source: string, fileName: string): PolicyFileError {
  try {
    parsePolicyPack(source, fileName);
  } catch (error) {
    if (error instanceof PolicyFileError) return error;
    throw error;
  }
  throw new Error('expected a PolicyFileError');
}

describe('parsePolicyPack', () => {
  it('reads a YAML pack and fills defaults', () => {
    const pack = parsePolicyPack(validYaml, 'policy.yaml');
    expect(pack.version).toBe('1');
    expect(pack.entities[0]).toMatchObject({ effect: 'block', fuzzy: true });
    expect(pack.lexicons[0]!.terms[1]).toEqual({
      term: 'nude',
      aliases: ['naked'],
      languages: { es: ['desnudo'] },
    });
  });

  it('reads a JSON pack by extension', () => {
    const pack = parsePolicyPack(JSON.stringify({ version: '2', lexicons: [] }), 'policy.json');
    expect(pack).toEqual({ version: '2', lexicons: [], entities: [], combinations: [] });
  });

  it('names the file, line and column of a YAML syntax error', () => {
    const error = failure("version: '1'\nlexicons:\n  - rule: [unclosed\n", 'packs/broken.yaml');
    expect(error.message).toMatch(/^packs\/broken\.yaml:\d+:\d+: syntax error/);
    expect(error.line).toBeGreaterThanOrEqual(3);
    expect(error.fileName).toBe('packs/broken.yaml');
  });

  it('names the file and line of a JSON syntax error that JSON.parse gives an offset for', () => {
    const error = failure('{\n  "version": "1",\n  "lexicons" []\n}', 'policy.json');
    expect(error.message).toMatch(/^policy\.json:3:\d+: syntax error/);
    expect(error.line).toBe(3);
  });

  it('names the line of a JSON syntax error without an offset in the message', () => {
    const error = failure('{\n  "version": "1",\n  "lexicons": }\n', 'policy.json');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^policy\.json:3:/);
  });

  it('names the key path and line of a schema error', () => {
    const broken = validYaml.replace('effect: block\n    terms', 'effect: forbid\n    terms');
    const error = failure(broken, 'policy.yaml');
    expect(error.path).toBe('lexicons.0.effect');
    expect(error.line).toBe(5);
    expect(error.message).toMatch(/^policy\.yaml:5:\d+: at lexicons\.0\.effect: /);
  });

  it('rejects unknown keys and categories', () => {
    expect(failure(`${validYaml}colour: red\n`, 'p.yaml').message).toMatch(/top level|colour/);
    const wrongCategory = validYaml.replace('category: protected_characters', 'category: cartoons');
    expect(failure(wrongCategory, 'p.yaml').path).toBe('entities.0.category');
  });

  it('rejects an entity in a category that could be allowlisted into minors or sexual', () => {
    const sexualEntity = validYaml.replace('category: protected_characters', 'category: sexual');
    expect(failure(sexualEntity, 'p.yaml').path).toBe('entities.0.category');
  });

  it('rejects a combination that names nothing in the pack, with its path and line', () => {
    const typo = validYaml.replace('requires: [minors, sexual]', 'requires: [minors, sexaul]');
    const error = failure(typo, 'policy.yaml');
    expect(error.path).toBe('combinations.0.requires.1');
    expect(error.line).toBe(15);
    expect(error.message).toMatch(/sexaul is neither a category/);
  });

  it('rejects duplicate ids and unclosed alternatives', () => {
    const twice = validYaml.replace('rule: combo.minor-sexual', 'rule: sexual.explicit');
    expect(failure(twice, 'p.yaml').message).toMatch(/sexual\.explicit is defined twice/);
    const unclosed = validYaml.replace('terms: [porn,', "terms: ['{porn|smut', ");
    expect(failure(unclosed, 'p.yaml').path).toBe('lexicons.0.terms.0');
  });

  it('parses the shipped default pack', async () => {
    const { readFile } = await import('node:fs/promises');
    const { defaultPolicyFile } = await import('./default-policy-file.js');
    const pack = parsePolicyPack(await readFile(defaultPolicyFile, 'utf8'), 'default-policy.yaml');
    expect(pack.entities.length).toBeGreaterThan(200);
    expect(pack.combinations.map((rule) => rule.rule)).toContain('combo.minor-sexual');
  });
});
