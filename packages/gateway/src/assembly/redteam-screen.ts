import type { Config } from '../config/config-schema.js';
import { emptyProjectPolicy } from '../policy/policy-check.js';
import { createPolicyEngine } from '../policy/policy-engine.js';
import type { RedteamScreen } from '../policy/redteam/index.js';
import { createTextCheck } from '../policy/text/index.js';
import { loadPolicyPack, textPolicyCheck } from './policy-from-config.js';

/**
 * The policy engine in-process, as the gateway builds it for prompts, over `policyFile` or the
 * configured (else shipped) pack. Text only: the suite is prompts, and no remote check is called,
 * so a red-team run costs nothing and sends nothing anywhere.
 */
export async function redteamScreen(
  config: Config,
  policyFile: string | null,
): Promise<RedteamScreen> {
  const pack = await loadPolicyPack(
    policyFile != null ? { ...config, policy: { ...config.policy, file: policyFile } } : config,
  );
  const engine = createPolicyEngine({
    version: pack.version,
    text: textPolicyCheck(createTextCheck(pack)),
    checks: [],
    now: () => performance.now(),
  });
  return (text) => engine.screenRequest({ prompt: text, image: null }, emptyProjectPolicy);
}
