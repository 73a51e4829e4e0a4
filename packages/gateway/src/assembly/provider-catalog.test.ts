import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { credentialVariables } from '../providers/provider-definition.js';
import { buildVideoModels } from './build-video-models.js';
import { loadGatewayConfig } from './load-gateway-config.js';
import { providerCatalog } from './provider-catalog.js';
import { emulatedProviders } from './start-provider-emulator.js';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const catalogIds = providerCatalog.map((plug) => plug.provider.id);

async function folders(path: string): Promise<string[]> {
  const entries = await readdir(source(path), { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

/**
 * docs/adding-a-provider.md promises that a provider is its two folders plus one catalog line,
 * and that everything else is derived. These fail when a provider is missing from a derived place.
 */
describe('the provider catalog', () => {
  it('holds every provider folder and every emulator folder, each paired with its own', async () => {
    const providerFolders = (await folders('../providers/')).filter((name) => name !== 'local');
    expect([...catalogIds].sort()).toEqual(providerFolders.sort());
    expect((await folders('../emulators/')).sort()).toEqual([...catalogIds].sort());
    for (const { provider, emulator } of providerCatalog)
      expect(emulator.provider).toBe(provider.id);
    expect(new Set(catalogIds).size).toBe(catalogIds.length);
  });

  it('is what `vgw emulate` serves', () => {
    expect(emulatedProviders()).toEqual(catalogIds);
  });

  it('maps every variable a provider declares onto its config key', async () => {
    for (const { provider } of providerCatalog) {
      for (const { variable, setting } of provider.environment) {
        const value = setting === 'baseURL' ? `http://127.0.0.1:9/${variable}` : `key ${variable}`;
        const config = await loadGatewayConfig({
          cwd: source('.'),
          environment: { [variable]: value },
          file: null,
        });
        expect(config.providers[provider.id]?.[setting], variable).toBe(value);
      }
      expect(credentialVariables(provider).length, provider.id).toBeGreaterThan(0);
    }
  });

  it('lists every declared model in the registry, saying what to set when unconfigured', async () => {
    const config = await loadGatewayConfig({ cwd: source('.'), environment: {}, file: null });
    const { unconfigured } = buildVideoModels(
      {
        ...config,
        engines: { ...config.engines, local: { ...config.engines.local, enabled: false } },
      },
      pino({ level: 'silent' }),
    );
    for (const { provider } of providerCatalog) {
      const listed = unconfigured.filter((model) => model.provider === provider.id);
      expect(
        listed.map((model) => model.modelId),
        provider.id,
      ).toEqual(provider.models.map((model) => model.modelId));
      for (const model of listed) {
        expect(model.credentialVariables).toEqual(credentialVariables(provider));
      }
    }
  });

  it('has a row in the docs table naming every variable of each provider', async () => {
    const table = await readFile(source('../../../../docs/providers.md'), 'utf8');
    const rows = new Map(
      [...table.matchAll(/^\| `([a-z]+)` +\|([^|]*)\|/gm)].map((match) => [match[1], match[2]]),
    );
    expect([...rows.keys()]).toEqual(catalogIds);
    for (const { provider } of providerCatalog) {
      for (const { variable } of provider.environment) {
        expect(rows.get(provider.id), provider.id).toContain(`\`${variable}\``);
      }
    }
  });

  it('is the one place docs/adding-a-provider.md tells an author to register a provider', async () => {
    const guide = await readFile(source('../../../../docs/adding-a-provider.md'), 'utf8');
    expect(guide).toContain('packages/gateway/src/assembly/provider-catalog.ts');
    const named = [...guide.matchAll(/`(packages\/gateway\/src\/[a-z/.-]+\.ts)`/g)].map(
      (match) => match[1] as string,
    );
    expect(named.length).toBeGreaterThan(0);
    for (const path of named)
      await expect(readFile(source(`../../../../${path}`))).resolves.toBeTruthy();
  });
});
