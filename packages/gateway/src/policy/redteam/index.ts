/** The red-team suite's public surface: load cases, mutate them, run a screen, gate and report. */
export { redteamCategories, redteamCaseSchema } from './redteam-case.js';
export type { RedteamCase, RedteamCategory } from './redteam-case.js';
export { loadRedteamCases, parseRedteamJsonl, RedteamSuiteError } from './load-redteam-cases.js';
export { expandWithMutations, mutateCase, mutationTechniques, mutations } from './mutations.js';
export type { MutationTechnique } from './mutations.js';
export { runRedteam } from './run-redteam.js';
export type { RedteamScreen, RunRedteamOptions } from './run-redteam.js';
export type {
  BlockFigure,
  LatencySummary,
  RedteamFalsePositive,
  RedteamMiss,
  RedteamReport,
} from './redteam-report.js';
export { defaultRedteamThresholds, gateFailures } from './redteam-gate.js';
export type { GateOptions, RedteamThresholds } from './redteam-gate.js';
export { redteamReportFile, writeRedteamReport } from './write-redteam-report.js';
export type { RedteamReportFile, WrittenRedteamReport } from './write-redteam-report.js';
export { renderRedteamHtml } from './render-redteam-html.js';
export { redteamDataDir, shippedSuitePaths } from './shipped-suite.js';
export type { ShippedSet } from './shipped-suite.js';
export { numberSeededRandom } from './seeded-random.js';
export type { RandomSource } from './seeded-random.js';
