import { createHash } from 'node:crypto';
import { PolicyRefusalError } from '../policy/policy-refusal-error.js';
import type { PolicyVerdict } from '../policy/policy-types.js';
import type { AuditOperation, PolicyGate } from './policy-gate.js';

async function describeImage(gate: PolicyGate, bytes: Uint8Array) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const phash =
    gate.perceptualHash != null ? await gate.perceptualHash(bytes).catch(() => null) : null;
  return { sha256, phash };
}

export interface ScreenInputsRequest {
  projectId: string;
  apiKeyId: string | null;
  operation: Extract<AuditOperation, 'create' | 'remix' | 'estimate'>;
  prompt: string;
  image: { bytes: Uint8Array; mediaType: string } | null;
  videoId: string | null;
}

/**
 * The `pre` checks on a request's prompt and input image, audited either way. A refusal throws
 * before anything is stored, reserved or sent upstream: the audit row is all that remains.
 */
export async function screenInputs(
  gate: PolicyGate,
  request: ScreenInputsRequest,
): Promise<PolicyVerdict> {
  const verdict = await gate.engine.screenRequest(
    { prompt: request.prompt, image: request.image },
    await gate.projectPolicy(request.projectId),
  );
  const images = request.image != null ? [await describeImage(gate, request.image.bytes)] : [];
  await gate.audit.append({
    projectId: request.projectId,
    apiKeyId: request.apiKeyId,
    operation: request.operation,
    verdict,
    prompt: request.prompt,
    images,
    // A refused request never becomes a video: its id would point at nothing.
    videoId: verdict.decision === 'allow' ? request.videoId : null,
    upstreamCode: null,
  });
  if (verdict.decision === 'refuse') throw new PolicyRefusalError(verdict);
  return verdict;
}
