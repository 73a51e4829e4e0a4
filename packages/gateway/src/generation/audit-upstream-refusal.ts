import type { VideoFailure } from '@vgw/spec';
import type { VideoRecord } from '../db/video-record.js';
import type { PolicyGate } from './policy-gate.js';

/**
 * A provider's own content refusal, audited beside the gateway's decisions: repeated refusals
 * put the provider account at risk of suspension, so who sent what, and how often, is kept.
 */
export async function auditUpstreamRefusal(
  gate: PolicyGate,
  video: VideoRecord,
  error: VideoFailure,
): Promise<void> {
  const param =
    error.param === 'prompt' || error.param === 'input_reference' || error.param === 'output'
      ? error.param
      : null;
  await gate.audit.append({
    projectId: video.projectId,
    apiKeyId: video.apiKeyId,
    operation: 'upstream',
    verdict: {
      decision: 'refuse',
      version: gate.engine.version,
      category: null,
      rules: [`upstream.${video.provider}`],
      stage: 'post',
      param,
      checks: [],
    },
    prompt: video.prompt,
    images: [],
    videoId: video.id,
    upstreamCode: `${video.provider}:${error.code}`,
  });
}
