import { z } from 'zod';

/** The placeholders the gateway fills from every request. */
export const builtInPlaceholders = [
  'prompt',
  'seed',
  'width',
  'height',
  'seconds',
  'fps',
  'frames',
] as const;

export const placeholderPattern = /\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** One node of an API-format workflow: `{ "class_type": "…", "inputs": { … } }`. */
const nodeSchema = z.looseObject({
  class_type: z.string().min(1),
  inputs: z.record(z.string(), z.json()),
});

/** An API-format ComfyUI workflow (the "Save (API)" export): node id → node. */
export const workflowSchema = z
  .record(z.string().min(1), nodeSchema)
  .refine((workflow) => Object.keys(workflow).length > 0, 'the workflow has no nodes');

export type Workflow = z.infer<typeof workflowSchema>;

/** ComfyUI settings read from `settings.options`; other keys are left to other readers. */
export const comfyuiSettingsSchema = z.looseObject({
  /** The workflow template, with {{prompt}}, {{seed}}, … in its string values. */
  workflow: workflowSchema.optional(),
  /** Defaults for custom placeholders (e.g. {{steps}}), overridable per request. */
  placeholders: z.record(z.string().regex(/^[A-Za-z_][\w-]*$/), scalar).optional(),
});

export type ComfyuiSettings = z.infer<typeof comfyuiSettingsSchema>;

/** Every placeholder name the template uses, in order of first appearance. */
export function placeholdersIn(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    for (const match of value.matchAll(placeholderPattern)) found.add(match[1] as string);
  } else if (Array.isArray(value)) {
    for (const item of value) placeholdersIn(item, found);
  } else if (value != null && typeof value === 'object') {
    for (const item of Object.values(value)) placeholdersIn(item, found);
  }
  return found;
}
