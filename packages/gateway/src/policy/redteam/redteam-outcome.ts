import type { CheckOutcome } from '../policy-types.js';
import type { RedteamCase } from './redteam-case.js';

/** What screening one case gave: the decision, or the error the screen threw. */
export interface RedteamOutcome {
  case: RedteamCase;
  blocked: boolean;
  rules: string[];
  category: string | null;
  version: string | null;
  checks: CheckOutcome[];
  screenMs: number;
  error: string | null;
}
