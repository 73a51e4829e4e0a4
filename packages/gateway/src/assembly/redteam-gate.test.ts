import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/config-schema.js';
import {
  expandWithMutations,
  gateFailures,
  loadRedteamCases,
  runRedteam,
  shippedSuitePaths,
} from '../policy/redteam/index.js';
import { redteamScreen } from './redteam-screen.js';

// The shipped policy against the shipped suite and every evasion of it, through the same engine
// `vgw redteam` builds: the gate's thresholds fail this test, so the CI count shows a regression.
describe('the shipped policy on the shipped red-team suite', () => {
  it('meets every gate threshold', async () => {
    const screen = await redteamScreen(configSchema.parse({ dataDir: '.' }), null);
    const cases = expandWithMutations(await loadRedteamCases(await shippedSuitePaths('suite')));
    let tick = 0;
    const report = await runRedteam({ cases, screen, now: () => (tick += 1), runId: 'ci' });
    expect(report.counts.cases).toBeGreaterThan(10_000);
    expect(report.errors).toEqual([]);
    expect(gateFailures(report, { requireEveryCategory: true })).toEqual([]);
  }, 120_000);
});
