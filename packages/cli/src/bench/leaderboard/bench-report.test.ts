import { describe, expect, it } from 'vitest';
import { benchReportSchema, buildBenchReport } from './bench-report.js';
import type { BenchSettings } from './bench-report.js';
import { fakeRun } from '../../test-support/bench-fixtures.js';

const settings: BenchSettings = {
  models: ['local', 'runway/gen4.5'],
  repeat: 1,
  seconds: 2,
  size: '64x64',
  seed: null,
  concurrency: 2,
  promptsFile: null,
  bootstrap: { resamples: 2000, confidence: 0.95, seed: 1 },
};

const input = {
  createdAt: '2026-01-01T00:00:00.000Z',
  gateway: 'embedded' as const,
  settings,
  prompts: [
    { id: 'p1', shot: 'static', prompt: 'a room' },
    { id: 'p2', shot: 'people', prompt: 'a crowd' },
  ],
  runs: [
    fakeRun({ model: 'local', promptId: 'p1', index: 70 }),
    fakeRun({ model: 'runway/gen4.5', promptId: 'p1', index: 75, costMicroUsd: 240_000 }),
    fakeRun({ model: 'local', promptId: 'p2', shot: 'people', index: 65 }),
    fakeRun({ model: 'runway/gen4.5', promptId: 'p2', shot: 'people', index: null }),
  ],
};

describe('buildBenchReport', () => {
  it('survives a JSON round trip through its schema', () => {
    const report = buildBenchReport(input);
    const parsed = benchReportSchema.parse(JSON.parse(JSON.stringify(report)));
    expect(parsed).toEqual(report);
    expect(parsed.version).toBe(1);
  });

  it('ranks, counts failures and compares engines', () => {
    const report = buildBenchReport(input);
    expect(report.leaderboard.map((row) => [row.model, row.failures])).toEqual([
      ['runway/gen4.5', 1],
      ['local', 0],
    ]);
    expect(report.leaderboard[0]?.costPerSecondMicroUsd).toBe(120_000);
    expect(report.winRates.overall).toContainEqual(
      expect.objectContaining({
        model: 'runway/gen4.5',
        opponent: 'local',
        rate: 1,
        comparisons: 1,
      }),
    );
    expect(Object.keys(report.winRates.byShot)).toEqual(['static', 'people']);
    expect(report.winRates.byShot.people?.[0]?.comparisons).toBe(0);
  });

  it('is the same report for the same runs', () => {
    expect(buildBenchReport(input)).toEqual(buildBenchReport(input));
  });

  it('rejects a report of another version', () => {
    const report = { ...buildBenchReport(input), version: 2 };
    expect(benchReportSchema.safeParse(report).success).toBe(false);
  });
});
