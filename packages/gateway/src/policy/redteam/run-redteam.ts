import type { PolicyVerdict } from '../policy-types.js';
import type { RedteamCase } from './redteam-case.js';
import type { RedteamOutcome } from './redteam-outcome.js';
import type { RedteamReport } from './redteam-report.js';
import { summariseRedteam } from './summarise-redteam.js';

export type RedteamScreen = (text: string) => Promise<PolicyVerdict> | PolicyVerdict;

export interface RunRedteamOptions {
  cases: readonly RedteamCase[];
  screen: RedteamScreen;
  /** Milliseconds, e.g. `performance.now`; injected so tests control every figure. */
  now: () => number;
  runId: string;
  /** Names the case set in the report; defaults to `suite`. */
  label?: string;
}

/**
 * A screen that throws is a failed case: the harmful one counts as let through, the benign one
 * as refused, as a fail-closed engine would. Either way the error is listed.
 */
async function screenOne(
  screen: RedteamScreen,
  now: () => number,
  testCase: RedteamCase,
): Promise<RedteamOutcome> {
  const started = now();
  try {
    const verdict = await screen(testCase.text);
    return {
      case: testCase,
      blocked: verdict.decision === 'refuse',
      rules: verdict.rules,
      category: verdict.category,
      version: verdict.version,
      checks: verdict.checks,
      screenMs: now() - started,
      error: null,
    };
  } catch (error) {
    return {
      case: testCase,
      blocked: testCase.expected === 'allow',
      rules: [],
      category: null,
      version: null,
      checks: [],
      screenMs: now() - started,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Screens every case, one at a time so latencies do not overlap, and summarises the outcomes. */
export async function runRedteam(options: RunRedteamOptions): Promise<RedteamReport> {
  const startedAtMs = options.now();
  const outcomes: RedteamOutcome[] = [];
  for (const testCase of options.cases) {
    outcomes.push(await screenOne(options.screen, options.now, testCase));
  }
  const frame = {
    runId: options.runId,
    label: options.label ?? 'suite',
    startedAtMs,
    durationMs: options.now() - startedAtMs,
  };
  return summariseRedteam(frame, outcomes);
}
