import type { PolicyVerdict } from '../../policy-types.js';
import type { RedteamCase } from '../redteam-case.js';

/** Builds a case for tests; harmful unless its category is `benign`. */
export function testCase(
  id: string,
  text: string,
  category: RedteamCase['category'],
  technique = 'seed',
): RedteamCase {
  return {
    id,
    text,
    expected: category === 'benign' ? 'allow' : 'block',
    category,
    technique,
    source: 'test',
    licence: 'test',
  };
}

/**
 * A stand-in policy: refuses any text with an `x`, and reports two checks whose latency is the
 * text's length (and a tenth of it), so tests know every figure in advance.
 */
export function screenBlockingX(text: string): PolicyVerdict {
  const refused = text.includes('x');
  return {
    decision: refused ? 'refuse' : 'allow',
    version: 'test-1',
    category: refused ? 'sexual' : null,
    rules: refused ? ['test.x'] : [],
    stage: 'pre',
    param: refused ? 'prompt' : null,
    checks: [
      {
        checkId: 'text-rules',
        checkVersion: '1',
        stage: 'pre',
        param: 'prompt',
        findings: [],
        scores: {},
        latencyMs: text.length,
      },
      {
        checkId: 'normalise',
        checkVersion: '1',
        stage: 'pre',
        param: 'prompt',
        findings: [],
        scores: {},
        latencyMs: text.length / 10,
      },
    ],
  };
}

/** A clock that moves one millisecond each time it is read. */
export function steppingClock(): () => number {
  let now = 1000;
  return () => {
    now += 1;
    return now;
  };
}
