import { z } from 'zod';

/** One validation status entry of c2pa-rs (`code` such as `assertion.bmffHash.mismatch`). */
export const validationStatusSchema = z.object({
  code: z.string(),
  explanation: z.string().optional(),
  url: z.string().optional(),
});

export type ValidationStatus = z.infer<typeof validationStatusSchema>;

const assertionSchema = z.object({ label: z.string(), data: z.unknown() });

const manifestSchema = z.object({
  assertions: z.array(assertionSchema).default([]),
  signature_info: z
    .object({
      issuer: z.string().optional(),
      common_name: z.string().optional(),
      time: z.string().optional(),
    })
    .optional(),
});

export type StoredManifest = z.infer<typeof manifestSchema>;

/**
 * What the reader's `json()` returns, kept to the fields vgw reads: a file's manifest store is
 * untrusted input like any other, so nothing from it is used before this parse.
 */
export const manifestStoreSchema = z.object({
  active_manifest: z.string().optional(),
  manifests: z.record(z.string(), manifestSchema).default({}),
  validation_state: z.string().optional(),
  validation_status: z.array(validationStatusSchema).default([]),
  validation_results: z
    .object({
      activeManifest: z.object({ failure: z.array(validationStatusSchema).default([]) }).optional(),
    })
    .optional(),
});

export type ManifestStore = z.infer<typeof manifestStoreSchema>;

/** The `c2pa.created` (or first) action of a `c2pa.actions` / `c2pa.actions.v2` assertion. */
export const actionsAssertionSchema = z.object({
  actions: z.array(
    z.object({
      action: z.string(),
      digitalSourceType: z.string().optional(),
      softwareAgent: z.union([z.string(), z.object({ name: z.string() })]).optional(),
    }),
  ),
});
