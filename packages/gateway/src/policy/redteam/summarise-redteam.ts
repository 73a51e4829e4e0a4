import { summariseLatency } from './latency-summary.js';
import type { RedteamOutcome } from './redteam-outcome.js';
import type { BlockFigure, LatencySummary, RedteamReport } from './redteam-report.js';

function figure(outcomes: readonly RedteamOutcome[]): BlockFigure {
  const blocked = outcomes.filter((outcome) => outcome.blocked).length;
  const total = outcomes.length;
  return { total, blocked, rate: total === 0 ? 0 : blocked / total };
}

function groupBy<K extends string>(
  outcomes: readonly RedteamOutcome[],
  key: (outcome: RedteamOutcome) => K,
): Map<K, RedteamOutcome[]> {
  const groups = new Map<K, RedteamOutcome[]>();
  for (const outcome of outcomes) {
    const name = key(outcome);
    const group = groups.get(name);
    if (group == null) groups.set(name, [outcome]);
    else group.push(outcome);
  }
  return groups;
}

function figures(groups: Map<string, RedteamOutcome[]>): Record<string, BlockFigure> {
  return Object.fromEntries([...groups].map(([name, group]) => [name, figure(group)]));
}

const isBenign = (outcome: RedteamOutcome) => outcome.case.expected === 'allow';

function byTechnique(outcomes: readonly RedteamOutcome[]): RedteamReport['byTechnique'] {
  const groups = groupBy(outcomes, (outcome) => outcome.case.technique);
  return Object.fromEntries(
    [...groups].map(([technique, group]) => [
      technique,
      {
        harmful: figure(group.filter((outcome) => !isBenign(outcome))),
        benign: figure(group.filter(isBenign)),
      },
    ]),
  );
}

function byCategoryAndTechnique(
  outcomes: readonly RedteamOutcome[],
): RedteamReport['byCategoryAndTechnique'] {
  const groups = groupBy(outcomes, (outcome) => outcome.case.category);
  return Object.fromEntries(
    [...groups].map(([category, group]) => [
      category,
      figures(groupBy(group, (outcome) => outcome.case.technique)),
    ]),
  );
}

function latencyByCheck(outcomes: readonly RedteamOutcome[]): Record<string, LatencySummary> {
  const samples = new Map<string, number[]>();
  for (const check of outcomes.flatMap((outcome) => outcome.checks)) {
    const list = samples.get(check.checkId) ?? [];
    list.push(check.latencyMs);
    samples.set(check.checkId, list);
  }
  return Object.fromEntries(
    [...samples].map(([checkId, list]) => [checkId, summariseLatency(list)]),
  );
}

function ruleHits(outcomes: readonly RedteamOutcome[]): Record<string, number> {
  const hits: Record<string, number> = {};
  for (const rule of outcomes.flatMap((outcome) => outcome.rules))
    hits[rule] = (hits[rule] ?? 0) + 1;
  return hits;
}

export interface SummaryFrame {
  runId: string;
  label: string;
  startedAtMs: number;
  durationMs: number;
}

/** The report's figures from every case's outcome; harmful text never leaves this function. */
export function summariseRedteam(
  frame: SummaryFrame,
  outcomes: readonly RedteamOutcome[],
): RedteamReport {
  const benign = outcomes.filter(isBenign);
  const harmful = outcomes.filter((outcome) => !isBenign(outcome));
  const falsePositives = benign.filter((outcome) => outcome.blocked);
  const errored = outcomes.filter((outcome) => outcome.error != null);
  return {
    ...frame,
    policyVersion: outcomes.find((outcome) => outcome.version != null)?.version ?? null,
    counts: {
      cases: outcomes.length,
      harmful: harmful.length,
      benign: benign.length,
      errors: errored.length,
    },
    byCategory: figures(groupBy(outcomes, (outcome) => outcome.case.category)),
    byTechnique: byTechnique(outcomes),
    byCategoryAndTechnique: byCategoryAndTechnique(outcomes),
    falsePositives: {
      ...figure(benign),
      cases: falsePositives.map((outcome) => ({
        id: outcome.case.id,
        seedId: outcome.case.seedId ?? outcome.case.id,
        technique: outcome.case.technique,
        text: outcome.case.text,
        rules: outcome.rules,
        category: outcome.category,
      })),
    },
    misses: harmful
      .filter((outcome) => !outcome.blocked)
      .map(({ case: missed }) => ({
        id: missed.id,
        category: missed.category,
        technique: missed.technique,
      })),
    errors: errored.map((outcome) => ({
      id: outcome.case.id,
      category: outcome.case.category,
      technique: outcome.case.technique,
      message: outcome.error ?? '',
    })),
    ruleHits: ruleHits(outcomes),
    latencyByCheck: latencyByCheck(outcomes),
    screenLatency: summariseLatency(outcomes.map((outcome) => outcome.screenMs)),
  };
}
