import type { VideoCapabilities } from '@vgw/spec';
import { describe, expect, it } from 'vitest';
import { applyCapabilitiesOverride, capabilitiesOverrideSchema } from './capabilities-override.js';
import { falEndpoints } from './fal/fal-settings.js';
import { replicateModelSpecs } from './replicate/replicate-settings.js';

const base: VideoCapabilities = {
  durations: { kind: 'range', min: 1, max: 20, step: 1 },
  defaultSeconds: 5,
  sizes: { kind: 'set', values: ['1280x720'] },
  defaultSize: '1280x720',
  fps: { values: [24], default: 24 },
  seed: true,
  audio: false,
  imageInput: true,
  maxPromptLength: 2000,
  price: { currency: 'USD', microUsdPerSecond: 0, source: 'unset', asOf: '2026-01-01' },
};

function issuesOf(input: unknown): string[] {
  const parsed = capabilitiesOverrideSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
}

describe('capabilities override', () => {
  it('lays only the given fields over the default, keeping the rest', () => {
    const override = capabilitiesOverrideSchema.parse({
      durations: { kind: 'set', seconds: [4, 8] },
      defaultSeconds: 4,
      seed: false,
    });
    const merged = applyCapabilitiesOverride(base, override);
    expect(merged).toEqual({
      ...base,
      durations: { kind: 'set', seconds: [4, 8] },
      defaultSeconds: 4,
      seed: false,
    });
    expect(base.seed).toBe(true);
  });

  it('keeps `seed: false` and a zero price rather than dropping falsy values', () => {
    const override = capabilitiesOverrideSchema.parse({
      seed: false,
      price: { currency: 'USD', microUsdPerSecond: 0, source: 'contract', asOf: '2026-12-01' },
    });
    const merged = applyCapabilitiesOverride({ ...base, seed: true }, override);
    expect(merged.seed).toBe(false);
    expect(merged.price.microUsdPerSecond).toBe(0);
  });

  it('refuses unknown fields, fractional prices and malformed sizes', () => {
    expect(issuesOf({ sead: true })).toEqual(['']);
    expect(
      issuesOf({ price: { currency: 'USD', microUsdPerSecond: 1.5, source: 's', asOf: 'a' } }),
    ).toEqual(['price.microUsdPerSecond']);
    expect(issuesOf({ defaultSize: '1280-720' })).toEqual(['defaultSize']);
  });

  it('names each contradiction within an override by its field', () => {
    expect(issuesOf({ durations: { kind: 'range', min: 10, max: 5, step: 1 } })).toEqual([
      'durations',
    ]);
    expect(issuesOf({ fps: { values: [24, 30], default: 25 } })).toEqual(['fps.default']);
    expect(issuesOf({ fps: { min: 8, max: 30, default: 60 } })).toEqual(['fps.default']);
    expect(issuesOf({ durations: { kind: 'set', seconds: [5, 10] }, defaultSeconds: 8 })).toEqual([
      'defaultSeconds',
    ]);
    expect(
      issuesOf({ sizes: { kind: 'set', values: ['640x360'] }, defaultSize: '1280x720' }),
    ).toEqual(['defaultSize']);
    expect(issuesOf({ fps: { values: [24, 30], default: 30 } })).toEqual([]);
  });

  it('is the one schema both configured-model providers read', () => {
    const contradiction = { fps: { values: [24], default: 30 } };
    expect(() =>
      falEndpoints({ endpoints: [{ id: 'owner/app/video', capabilities: contradiction }] }),
    ).toThrow(/providers\.fal\.options\.endpoints\.0\.capabilities\.fps\.default/);
    expect(() =>
      replicateModelSpecs({ models: [{ id: 'owner/model', capabilities: contradiction }] }),
    ).toThrow(/fps\.default/);
  });
});
