import type { JSONObject } from '@vgw/spec';

/** A create's request as the HTTP layer parsed it; `model` may name a model or a route. */
export interface CreateVideoInput {
  prompt: string;
  model: string | null;
  seconds: number | null;
  size: string | null;
  fps: number | null;
  seed: number | null;
  inputReference: Uint8Array | null;
  providerOptions: JSONObject;
  remixedFromVideoId: string | null;
}
