import type { PolicyFinding } from '../policy-types.js';
import type { CompiledPack } from './compiled-pack.js';

function satisfied(requirement: string, findings: PolicyFinding[]): boolean {
  return findings.some(
    (finding) => finding.category === requirement || finding.ruleId === requirement,
  );
}

/**
 * Combination findings over the term findings, allowlisted ones included: consent to a likeness
 * lifts the bare-likeness block, never the likeness-plus-sexual or likeness-plus-violence block.
 */
export function evaluateCombinations(
  compiled: CompiledPack,
  findings: PolicyFinding[],
): PolicyFinding[] {
  const fired: PolicyFinding[] = [];
  for (const combination of compiled.combinations) {
    if (combination.requires.every((requirement) => satisfied(requirement, findings))) {
      fired.push({
        ruleId: combination.rule,
        category: combination.category,
        effect: combination.effect,
        score: 1,
      });
    }
  }
  return fired;
}
