import type { VideoCapabilities } from '@vgw/spec';
import { z } from 'zod';

const size = z.string().regex(/^\d{2,5}x\d{2,5}$/, 'a size is WIDTHxHEIGHT');

/**
 * VideoCapabilities as written in settings, for every provider whose models are configured
 * rather than known (fal endpoints, Replicate models): every field optional, so a configured
 * model states only what differs from its default (e.g. its durations and its price).
 */
const capabilitiesFieldsSchema = z.strictObject({
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

type CapabilitiesFields = z.infer<typeof capabilitiesFieldsSchema>;

/** Contradictions within one override, which would otherwise surface as refused renders. */
function contradictions(fields: CapabilitiesFields): { path: string; message: string }[] {
  const found: { path: string; message: string }[] = [];
  const { durations, fps, sizes } = fields;
  if (durations?.kind === 'range' && durations.min > durations.max) {
    found.push({ path: 'durations', message: 'durations.min is above durations.max' });
  }
  if (
    sizes?.kind === 'range' &&
    (sizes.minWidth > sizes.maxWidth || sizes.minHeight > sizes.maxHeight)
  ) {
    found.push({ path: 'sizes', message: 'a sizes minimum is above its maximum' });
  }
  if (fps != null) {
    const allowed =
      'values' in fps
        ? fps.values.includes(fps.default)
        : fps.min <= fps.default && fps.default <= fps.max;
    if (!allowed)
      found.push({ path: 'fps.default', message: 'fps.default is not among the allowed fps' });
  }
  if (
    fields.defaultSeconds != null &&
    durations?.kind === 'set' &&
    !durations.seconds.includes(fields.defaultSeconds)
  ) {
    found.push({
      path: 'defaultSeconds',
      message: 'defaultSeconds is not one of durations.seconds',
    });
  }
  if (
    fields.defaultSize != null &&
    sizes?.kind === 'set' &&
    !sizes.values.includes(fields.defaultSize)
  ) {
    found.push({ path: 'defaultSize', message: 'defaultSize is not one of sizes.values' });
  }
  return found;
}

export const capabilitiesOverrideSchema = capabilitiesFieldsSchema.superRefine(
  (fields, context) => {
    for (const { path, message } of contradictions(fields)) {
      context.addIssue({ code: 'custom', path: path.split('.'), message });
    }
  },
);

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
