import type { PolicyCheck, ProjectPolicy, ScreenInput } from './policy-check.js';
import type {
  CheckOutcome,
  PolicyCategory,
  PolicyParam,
  PolicyStage,
  PolicyVerdict,
} from './policy-types.js';

/** Categories a project can never turn into log-only, nor a check's failure open. */
export const protectedCategories: readonly PolicyCategory[] = ['minors', 'real_people'];

export interface ScreenedImage {
  bytes: Uint8Array;
  mediaType: string;
}

export interface PolicyEngine {
  version: string;
  checks: readonly PolicyCheck[];
  /** The `pre` (and `log-only`) checks on a create's or remix's inputs, before anything is paid. */
  screenRequest(
    input: { prompt: string; image: ScreenedImage | null },
    project: ProjectPolicy,
  ): Promise<PolicyVerdict>;
  /** The `post` (and `log-only`) image checks on a finished render's frames, before it is served. */
  screenOutput(frames: readonly ScreenedImage[], project: ProjectPolicy): Promise<PolicyVerdict>;
}

export interface PolicyEngineOptions {
  version: string;
  /** The rule-pack check: always `pre` and fail-closed, whatever was configured. */
  text: PolicyCheck;
  checks: readonly PolicyCheck[];
  now: () => number;
}

async function runCheck(
  check: PolicyCheck,
  input: ScreenInput,
  project: ProjectPolicy,
  now: () => number,
): Promise<CheckOutcome> {
  const started = now();
  try {
    const outcome = await check.screen(input, project);
    return { ...outcome, checkId: check.id, stage: check.stage, param: input.param };
  } catch (error) {
    return {
      checkId: check.id,
      checkVersion: check.version,
      stage: check.stage,
      param: input.param,
      findings: [],
      scores: {},
      latencyMs: now() - started,
      error: `${check.id} failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function blockingFindings(outcome: CheckOutcome, project: ProjectPolicy) {
  if (outcome.stage === 'log-only') return [];
  return outcome.findings.filter(
    (finding) =>
      finding.effect === 'block' &&
      (protectedCategories.includes(finding.category) ||
        !project.logOnlyCategories.includes(finding.category)),
  );
}

function failsClosed(outcome: CheckOutcome, check: PolicyCheck | undefined): boolean {
  return outcome.error != null && outcome.stage !== 'log-only' && check?.failureMode !== 'open';
}

/** Refuses on the first outcome (prompt before image) that blocks or errored fail-closed. */
export function decide(
  version: string,
  stage: PolicyStage,
  outcomes: CheckOutcome[],
  checks: readonly PolicyCheck[],
  project: ProjectPolicy,
): PolicyVerdict {
  const rules: string[] = [];
  let param: PolicyParam | null = null;
  let category: PolicyCategory | null = null;
  for (const outcome of outcomes) {
    const blocking = blockingFindings(outcome, project);
    const check = checks.find((candidate) => candidate.id === outcome.checkId);
    const unavailable = failsClosed(outcome, check);
    if (blocking.length === 0 && !unavailable) continue;
    param ??= outcome.param;
    if (category == null && blocking[0] != null) category = blocking[0].category;
    rules.push(...blocking.map((finding) => finding.ruleId));
    if (unavailable) rules.push(`${outcome.checkId}:unavailable`);
  }
  return {
    decision: param != null ? 'refuse' : 'allow',
    version,
    category,
    rules: [...new Set(rules)],
    stage,
    param,
    checks: outcomes,
  };
}

function inputsFor(prompt: string, image: ScreenedImage | null): ScreenInput[] {
  const inputs: ScreenInput[] = [{ param: 'prompt', prompt }];
  if (image != null) inputs.push({ param: 'input_reference', image });
  return inputs;
}

function reads(check: PolicyCheck, input: ScreenInput): boolean {
  return input.prompt != null ? check.accepts.prompt : check.accepts.image;
}

/**
 * Runs the checks of a stage over the inputs: the local ones together, then, only if they
 * allowed, the remote ones, so a refusal found offline never waits on or pays for a remote call.
 */
export function createPolicyEngine(options: PolicyEngineOptions): PolicyEngine {
  const text: PolicyCheck = { ...options.text, stage: 'pre', failureMode: 'closed' };
  const checks = [text, ...options.checks.filter((check) => check.id !== text.id)];

  async function screen(
    stage: 'pre' | 'post',
    inputs: ScreenInput[],
    project: ProjectPolicy,
  ): Promise<PolicyVerdict> {
    const applicable = checks.filter(
      (check) => check.stage === stage || check.stage === 'log-only',
    );
    const runAll = (remote: boolean) =>
      Promise.all(
        inputs.flatMap((input) =>
          applicable
            .filter((check) => check.remote === remote && reads(check, input))
            .map((check) => runCheck(check, input, project, options.now)),
        ),
      );
    const local = await runAll(false);
    const first = decide(options.version, stage, local, checks, project);
    if (first.decision === 'refuse') return first;
    return decide(options.version, stage, [...local, ...(await runAll(true))], checks, project);
  }

  return {
    version: options.version,
    checks,
    screenRequest: (input, project) => screen('pre', inputsFor(input.prompt, input.image), project),
    screenOutput: (frames, project) =>
      screen(
        'post',
        frames.map((image) => ({ param: 'output', image })),
        project,
      ),
  };
}
