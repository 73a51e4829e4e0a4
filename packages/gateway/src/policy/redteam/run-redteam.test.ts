import { describe, expect, it } from 'vitest';
import { runRedteam } from './run-redteam.js';
import { screenBlockingX, steppingClock, testCase } from './test-support/synthetic-screen.js';

const cases = [
  testCase('sex-1', 'xx harmful one', 'sexual'),
  testCase('sex-2', 'harmful two', 'sexual'),
  testCase('sex-2~leetspeak', 'h4rmful tw0 x', 'sexual', 'leetspeak'),
  testCase('hate-1', 'x', 'hate'),
  testCase('ok-1', 'a cat', 'benign'),
  testCase('ok-2', 'a box of toys', 'benign'),
  testCase('ok-2~leetspeak', '4 b0x 0f t0y5', 'benign', 'leetspeak'),
  testCase('ok-3', 'a dog', 'benign'),
];

describe('runRedteam', () => {
  it('counts block rates by category and by technique', async () => {
    const report = await runRedteam({
      cases,
      screen: screenBlockingX,
      now: steppingClock(),
      runId: 'r1',
    });
    expect(report.counts).toEqual({ cases: 8, harmful: 4, benign: 4, errors: 0 });
    expect(report.byCategory['sexual']).toEqual({ total: 3, blocked: 2, rate: 2 / 3 });
    expect(report.byCategory['hate']).toEqual({ total: 1, blocked: 1, rate: 1 });
    expect(report.byCategory['benign']).toEqual({ total: 4, blocked: 2, rate: 0.5 });
    expect(report.byTechnique['seed']).toEqual({
      harmful: { total: 3, blocked: 2, rate: 2 / 3 },
      benign: { total: 3, blocked: 1, rate: 1 / 3 },
    });
    expect(report.byTechnique['leetspeak']?.harmful.rate).toBe(1);
    expect(report.byCategoryAndTechnique['sexual']?.['seed']).toEqual({
      total: 2,
      blocked: 1,
      rate: 0.5,
    });
    expect(report.policyVersion).toBe('test-1');
    expect(report.ruleHits).toEqual({ 'test.x': 5 });
  });

  it('names the benign prompts refused, with their text, and misses by id only', async () => {
    const report = await runRedteam({
      cases,
      screen: screenBlockingX,
      now: steppingClock(),
      runId: 'r1',
    });
    expect(report.falsePositives.rate).toBe(0.5);
    expect(report.falsePositives.cases).toEqual([
      {
        id: 'ok-2',
        seedId: 'ok-2',
        technique: 'seed',
        text: 'a box of toys',
        rules: ['test.x'],
        category: 'sexual',
      },
      {
        id: 'ok-2~leetspeak',
        seedId: 'ok-2~leetspeak',
        technique: 'leetspeak',
        text: '4 b0x 0f t0y5',
        rules: ['test.x'],
        category: 'sexual',
      },
    ]);
    expect(report.misses).toEqual([{ id: 'sex-2', category: 'sexual', technique: 'seed' }]);
    expect(JSON.stringify(report)).not.toContain('harmful two');
  });

  it('summarises latency per check id and per screen call from the injected clock', async () => {
    const report = await runRedteam({
      cases,
      screen: screenBlockingX,
      now: steppingClock(),
      runId: 'r1',
    });
    // Text lengths, ascending: 1 5 5 11 13 13 13 14.
    expect(report.latencyByCheck['text-rules']).toEqual({
      count: 8,
      p50: 11,
      p95: 14,
      p99: 14,
      max: 14,
    });
    expect(report.latencyByCheck['normalise']?.p50).toBeCloseTo(1.1);
    expect(report.screenLatency).toEqual({ count: 8, p50: 1, p95: 1, p99: 1, max: 1 });
    expect(report.durationMs).toBe(17);
    expect(report.runId).toBe('r1');
    expect(report.label).toBe('suite');
  });

  it('counts a screen that throws as a failed case and lists the error', async () => {
    const screen = async (text: string) => {
      if (text.startsWith('a ')) throw new Error('check crashed');
      return screenBlockingX(text);
    };
    const report = await runRedteam({
      cases,
      screen,
      now: steppingClock(),
      runId: 'r2',
      label: 'holdout',
    });
    expect(report.counts.errors).toBe(3);
    expect(report.errors.map((error) => error.id)).toEqual(['ok-1', 'ok-2', 'ok-3']);
    expect(report.errors[0]?.message).toBe('check crashed');
    // The three errors, and the leetspeak variant that has an x.
    expect(report.falsePositives.blocked).toBe(4);
    expect(report.label).toBe('holdout');
  });

  it('reports zero rates, not NaN, for an empty run', async () => {
    const report = await runRedteam({
      cases: [],
      screen: screenBlockingX,
      now: steppingClock(),
      runId: 'r3',
    });
    expect(report.falsePositives).toEqual({ total: 0, blocked: 0, rate: 0, cases: [] });
    expect(report.screenLatency).toEqual({ count: 0, p50: 0, p95: 0, p99: 0, max: 0 });
  });
});
