import type { VideoCapabilities } from '@vgw/spec';
import { z } from 'zod';

const size = z.string().regex(/^\d{2,5}x\d{2,5}$/, 'a size is WIDTHxHEIGHT');

/**
 * VideoCapabilities as written in settings: every field optional, so a configured model states
 * only what differs from the permissive default (e.g. its durations and its price).
 */
export const capabilitiesOverrideSchema = z.strictObject({
  durations: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('set'), seconds: z.array(z.number().positive()).min(1) }),
      z.strictObject({
        kind: z.literal('range'),
        min: z.number().positive(),
        max: z.number().positive(),
        step: z.number().positive(),
      }),
    ])
    .optional(),
  defaultSeconds: z.number().positive().optional(),
  sizes: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('set'), values: z.array(size).min(1) }),
      z.strictObject({
        kind: z.literal('range'),
        minWidth: z.number().int().positive(),
        minHeight: z.number().int().positive(),
        maxWidth: z.number().int().positive(),
        maxHeight: z.number().int().positive(),
      }),
    ])
    .optional(),
  defaultSize: size.optional(),
  fps: z
    .union([
      z.strictObject({
        values: z.array(z.number().int().positive()).min(1),
        default: z.number().int().positive(),
      }),
      z.strictObject({
        min: z.number().int().positive(),
        max: z.number().int().positive(),
        default: z.number().int().positive(),
      }),
    ])
    .optional(),
  seed: z.boolean().optional(),
  audio: z.boolean().optional(),
  imageInput: z.boolean().optional(),
  maxPromptLength: z.number().int().positive().optional(),
  price: z
    .strictObject({
      currency: z.literal('USD'),
      microUsdPerSecond: z.number().int().nonnegative(),
      bySize: z.record(size, z.number().int().nonnegative()).optional(),
      source: z.string().min(1),
      asOf: z.string().min(1),
    })
    .optional(),
});

export type CapabilitiesOverride = z.infer<typeof capabilitiesOverrideSchema>;

/** The default with the override's fields laid over it (absent fields keep the default). */
export function applyCapabilitiesOverride(
  base: VideoCapabilities,
  override: CapabilitiesOverride,
): VideoCapabilities {
  const merged: VideoCapabilities = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value != null) Object.assign(merged, { [key]: value });
  }
  return merged;
}
