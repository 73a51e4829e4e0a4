import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidRequestError } from '@vgw/spec';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/config-schema.js';
import { ConfigError, loadConfig } from '../config/load-config.js';
import { createModelRegistry } from '../providers/model-registry.js';
import { createFakeVideoModel } from '../test-support/fake-video-model.js';
import { routesFromConfig } from './routes-from-config.js';

const strict = createFakeVideoModel({ modelId: 'fake-2' });
strict.parseOptions = (options) => {
  if (Object.hasOwn(options, 'bogus')) {
    throw new InvalidRequestError('unknown option "bogus"', 'provider_options.fake.bogus');
  }
};
const registry = createModelRegistry([createFakeVideoModel(), strict], 'fake/fake-1', [
  {
    provider: 'acme',
    modelId: 'wave-1',
    capabilities: createFakeVideoModel().capabilities,
    credentialVariables: ['ACME_API_KEY'],
  },
]);

function routesOf(routes: unknown) {
  return routesFromConfig(configSchema.parse({ routes }), registry);
}

describe('routes from config', () => {
  it('resolve target names to canonical model ids and keep their settings', () => {
    const table = routesOf({
      ab: {
        strategy: 'weighted',
        targets: [
          { model: 'fake-1', weight: 3 },
          { model: 'acme/wave-1', weight: 1 },
        ],
        maxUsdPerSecond: 0.5,
      },
    });
    expect(table.find('ab')).toEqual({
      name: 'ab',
      strategy: 'weighted',
      targets: [
        { model: 'fake/fake-1', weight: 3, providerOptions: {} },
        { model: 'acme/wave-1', weight: 1, providerOptions: {} },
      ],
      fallbackOn: null,
      maxMicroUsdPerSecond: 500_000,
      requires: [],
      qualityGate: null,
    });
  });

  it.each([
    ['fake-1', 'model fake/fake-1'],
    ['fake-2', 'model fake/fake-2'],
    ['fake', 'provider fake'],
    ['acme', 'provider acme'],
  ])('refuse a route named %s, which is already a %s', (name, clash) => {
    expect(() => routesOf({ [name]: { targets: [{ model: 'fake-1' }] } })).toThrow(
      `routes.${name}: the name is already ${clash}; rename the route`,
    );
  });

  it('refuse a target naming no known model', () => {
    expect(() => routesOf({ hero: { targets: [{ model: 'fake-1' }, { model: 'nope' }] } })).toThrow(
      /routes\.hero\.targets\.1\.model: no such model "nope"; known models: fake\/fake-1/,
    );
  });

  it("refuse provider options the target's adapter does not take", () => {
    expect(() =>
      routesOf({ hero: { targets: [{ model: 'fake-2', providerOptions: { bogus: 1 } }] } }),
    ).toThrow(/routes\.hero\.targets\.0\.providerOptions: unknown option "bogus"/);
  });

  it.each([
    [{ targets: [] }, /a route needs at least one target/],
    [
      { strategy: 'weighted', targets: [{ model: 'fake-1' }] },
      /every target of a weighted route needs a weight/,
    ],
    [{ strategy: 'weighted', targets: [{ model: 'fake-1', weight: 0 }] }, /above 0/],
    [{ strategy: 'weighted', targets: [{ model: 'fake-1', weight: -2 }] }, /above 0/],
    [{ targets: [{ model: 'fake-1', weight: 2 }] }, /weights apply only to weighted routes/],
    [{ strategy: 'random', targets: [{ model: 'fake-1' }] }, /strategy/],
    [{ targets: [{ model: 'fake-1' }], maxUsdPerSecond: -1 }, /maxUsdPerSecond/],
    [{ targets: [{ model: 'fake-1' }], requires: ['teleport'] }, /requires/],
    [{ targets: [{ model: 'fake-1' }], fallbackOn: ['Not A Code'] }, /snake_case/],
  ])('refuse a bad route %j', (route, reason) => {
    const parsed = configSchema.safeParse({ routes: { hero: route } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.message).toMatch(reason);
  });

  it('name the config file a semantic error was found in', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'vgw-routes-'));
    const file = join(directory, 'vgw.config.json');
    await writeFile(file, JSON.stringify({ routes: { fake: { targets: [{ model: 'fake-1' }] } } }));
    const config = await loadConfig({ cwd: directory, environment: {} });
    const error = (() => {
      try {
        routesFromConfig(config, registry);
        return null;
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(
      `invalid configuration (${file}): routes.fake: the name is already provider fake; rename the route`,
    );
  });
});
