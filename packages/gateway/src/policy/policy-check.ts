import type {
  CheckOutcome,
  FailureMode,
  PolicyCategory,
  PolicyParam,
  PolicyStage,
} from './policy-types.js';

/** What one check may look at: the prompt, an image (the input reference or an output frame). */
export interface ScreenInput {
  param: PolicyParam;
  prompt?: string;
  image?: { bytes: Uint8Array; mediaType: string };
}

/** The project's own policy: licensed entities, its known images, what it only logs. */
export interface ProjectPolicy {
  /** Entity ids (`character.pikachu`) the project has licensed or has consent for. */
  allowlist: readonly string[];
  /** Perceptual hashes the project refuses as input or output, beside the policy's own. */
  knownImages: readonly { id: string; hash: string; category: PolicyCategory; label: string }[];
  /** Categories audited but not refused for this project; never minors or real_people. */
  logOnlyCategories: readonly PolicyCategory[];
}

export const emptyProjectPolicy: ProjectPolicy = {
  allowlist: [],
  knownImages: [],
  logOnlyCategories: [],
};

/**
 * One named, versioned check. `accepts` says which inputs it reads, so the engine calls it only
 * when that input is present; a check that reads both gets both in one call.
 */
export interface PolicyCheck {
  id: string;
  version: string;
  stage: PolicyStage;
  failureMode: FailureMode;
  accepts: { prompt: boolean; image: boolean };
  /** Remote checks run after the local ones and only when those allowed: no paid call is wasted. */
  remote: boolean;
  screen(input: ScreenInput, project: ProjectPolicy): Promise<CheckOutcome>;
}
