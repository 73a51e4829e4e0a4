import type { JSONObject } from '@vgw/spec';
import { parseProviderOptions } from '../provider-options-schema.js';
import { z } from 'zod';
import { applyCapabilitiesOverride, capabilitiesOverrideSchema } from '../capabilities-override.js';
import {
  defaultReplicateCapabilities,
  knownReplicateModels,
  noReplicateFields,
  type ReplicateModelSpec,
} from './replicate-models.js';

/** `owner/name` or `owner/name:<version id>`, as Replicate and its SDK spell model references. */
export const replicateModelIdPattern =
  /^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*(:[0-9a-f]{16,64})?$/;

const inputSchema = z.record(z.string(), z.json());
const fieldName = z.string().min(1).optional();

const configuredModelSchema = z.strictObject({
  id: z.string().regex(replicateModelIdPattern, 'expected owner/name or owner/name:version'),
  capabilities: capabilitiesOverrideSchema.optional(),
  /** Fixed inputs sent with every prediction (model-specific knobs). */
  input: inputSchema.optional(),
  /** The model's input names for the gateway's seconds, seed, fps and image. */
  fields: z
    .strictObject({ seconds: fieldName, seed: fieldName, fps: fieldName, image: fieldName })
    .optional(),
  /** Extra inputs per gateway size, e.g. { "1280x720": { "aspect_ratio": "16:9" } }. */
  sizeInputs: z.record(z.string().regex(/^\d+x\d+$/), inputSchema).optional(),
});

/** `settings.options` for Replicate; other keys are left to other readers. */
const replicateSettingsSchema = z.looseObject({
  models: z.array(configuredModelSchema).optional(),
});

type ConfiguredModel = z.infer<typeof configuredModelSchema>;

function toSpec(configured: ConfiguredModel): ReplicateModelSpec {
  const known = knownReplicateModels.find((model) => model.modelId === configured.id);
  const base = known ?? {
    modelId: configured.id,
    capabilities: defaultReplicateCapabilities,
    input: {},
    fields: noReplicateFields,
    sizeInputs: {},
  };
  const fields = { ...base.fields };
  for (const key of ['seconds', 'seed', 'fps', 'image'] as const) {
    const name = configured.fields?.[key];
    if (name != null) fields[key] = name;
  }
  return {
    modelId: configured.id,
    capabilities: applyCapabilitiesOverride(base.capabilities, configured.capabilities ?? {}),
    input: { ...base.input, ...(configured.input as JSONObject | undefined) },
    fields,
    sizeInputs: { ...base.sizeInputs, ...(configured.sizeInputs as Record<string, JSONObject>) },
  };
}

/**
 * Every model this configuration offers: the known video models, then those listed in
 * `settings.options.models` (which may also re-declare a known one, e.g. to change its price).
 * A bad entry is a configuration error, reported with its path.
 */
export function replicateModelSpecs(options: Record<string, unknown>): ReplicateModelSpec[] {
  const settings = parseProviderOptions(replicateSettingsSchema, 'replicate', options);
  const configured = (settings.models ?? []).map(toSpec);
  const configuredIds = new Set(configured.map((spec) => spec.modelId));
  const known = knownReplicateModels.filter((spec) => !configuredIds.has(spec.modelId));
  return [...known, ...configured];
}
