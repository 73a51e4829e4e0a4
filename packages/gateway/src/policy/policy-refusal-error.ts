import { GatewayError } from '@vgw/spec';
import type { PolicyParam, PolicyVerdict } from './policy-types.js';

/** The additive `error.policy` of a refusal: which policy, which category, which rules. */
export interface PolicyRefusalBody {
  version: string;
  category: string | null;
  rules: string[];
  stage: PolicyVerdict['stage'];
}

const inputNames: Record<PolicyParam, string> = {
  prompt: 'the prompt',
  input_reference: 'the input image',
  output: 'the rendered output',
};

function describe(verdict: PolicyVerdict): string {
  const what = verdict.param != null ? inputNames[verdict.param] : 'the request';
  const why =
    verdict.category != null
      ? `category ${verdict.category}`
      : 'a check that could not run and fails closed';
  return `${what} was refused by policy ${verdict.version} (${why}; rules: ${verdict.rules.join(', ')})`;
}

/**
 * 400 `content_policy_violation` from the gateway's own policy, before anything was reserved or
 * sent upstream. Never opaque: `param` names the refused input and `policy` the rules.
 */
export class PolicyRefusalError extends GatewayError {
  readonly policy: PolicyRefusalBody;

  constructor(verdict: PolicyVerdict) {
    super(describe(verdict), {
      status: 400,
      code: 'content_policy_violation',
      param: verdict.param,
    });
    this.policy = {
      version: verdict.version,
      category: verdict.category,
      rules: verdict.rules,
      stage: verdict.stage,
    };
  }
}
