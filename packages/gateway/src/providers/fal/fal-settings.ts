import type { VideoCapabilities } from '@vgw/spec';
import { parseProviderOptions } from '../provider-options-schema.js';
import { z } from 'zod';
import { applyCapabilitiesOverride, capabilitiesOverrideSchema } from '../capabilities-override.js';
import { isFalEndpointId } from './fal-endpoint-id.js';
import {
  isPikaEndpoint,
  permissiveCapabilities,
  pikaCapabilitiesById,
  pikaEndpointIds,
} from './fal-models.js';

/** `providers.fal.options` in the gateway config. */
export const falSettingsSchema = z.strictObject({
  endpoints: z
    .array(
      z.strictObject({
        id: z.string().refine(isFalEndpointId, 'a fal endpoint id like owner/app/path'),
        capabilities: capabilitiesOverrideSchema.optional(),
      }),
    )
    .default([]),
});

export interface FalEndpoint {
  id: string;
  capabilities: VideoCapabilities;
  /** Pika endpoints get Pika's input mapping; others a generic one (prompt, seed, image). */
  kind: 'pika-text' | 'pika-image' | 'generic';
}

function kindOf(id: string): FalEndpoint['kind'] {
  if (id === pikaEndpointIds[0]) return 'pika-text';
  if (id === pikaEndpointIds[1]) return 'pika-image';
  return 'generic';
}

/** The Pika endpoints plus every endpoint named in `options.endpoints`, with capabilities. */
export function falEndpoints(options: Record<string, unknown>): FalEndpoint[] {
  const settings = parseProviderOptions(falSettingsSchema, 'fal', options);
  const endpoints = new Map<string, FalEndpoint>();
  for (const id of pikaEndpointIds) {
    endpoints.set(id, { id, capabilities: pikaCapabilitiesById[id], kind: kindOf(id) });
  }
  for (const configured of settings.endpoints) {
    const base = isPikaEndpoint(configured.id)
      ? pikaCapabilitiesById[configured.id]
      : permissiveCapabilities;
    const capabilities = applyCapabilitiesOverride(base, configured.capabilities ?? {});
    endpoints.set(configured.id, { id: configured.id, capabilities, kind: kindOf(configured.id) });
  }
  return [...endpoints.values()];
}
