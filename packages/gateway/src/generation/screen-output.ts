import type { VideoRecord } from '../db/video-record.js';
import type { PolicyVerdict } from '../policy/policy-types.js';
import type { PolicyGate } from './policy-gate.js';

function unavailable(gate: PolicyGate, error: unknown): PolicyVerdict {
  const refuse = gate.outputFailureMode !== 'open';
  return {
    decision: refuse ? 'refuse' : 'allow',
    version: gate.engine.version,
    category: null,
    rules: refuse ? ['output-frames:unavailable'] : [],
    stage: 'post',
    param: refuse ? 'output' : null,
    checks: [
      {
        checkId: 'output-frames',
        checkVersion: '1',
        stage: 'post',
        param: 'output',
        findings: [],
        scores: {},
        latencyMs: 0,
        error: `frames could not be read: ${error instanceof Error ? error.message : String(error)}`,
      },
    ],
  };
}

/**
 * The `post` checks on frames of a finished render, audited either way, before it is served.
 * Null when the gate does not screen outputs. Frames that cannot be read decide by the outputs'
 * failure mode: a render the checks cannot see is not served unseen unless the operator says so.
 */
export async function screenOutput(
  gate: PolicyGate,
  video: VideoRecord,
  videoPath: string,
): Promise<PolicyVerdict | null> {
  if (gate.sampleFrames == null) return null;
  let verdict: PolicyVerdict;
  try {
    const frames = await gate.sampleFrames(videoPath);
    verdict = await gate.engine.screenOutput(
      frames.map((bytes) => ({ bytes, mediaType: 'image/png' })),
      await gate.projectPolicy(video.projectId),
    );
  } catch (error) {
    verdict = unavailable(gate, error);
  }
  await gate.audit.append({
    projectId: video.projectId,
    apiKeyId: video.apiKeyId,
    operation: 'output',
    verdict,
    prompt: null,
    images: [],
    videoId: video.id,
    upstreamCode: null,
  });
  return verdict;
}
