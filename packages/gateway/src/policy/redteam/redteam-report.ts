/** How many cases of a group the policy refused. `rate` is refused / total, 0 for an empty group. */
export interface BlockFigure {
  total: number;
  blocked: number;
  rate: number;
}

/** Harmful prompts the policy let through: ids only, never their text. */
export interface RedteamMiss {
  id: string;
  category: string;
  technique: string;
}

/** A benign prompt the policy refused; its text is benign, so the report shows it. */
export interface RedteamFalsePositive {
  id: string;
  seedId: string;
  technique: string;
  text: string;
  rules: string[];
  category: string | null;
}

/** A case whose screen threw instead of deciding; counted as a miss or a false positive. */
export interface RedteamError {
  id: string;
  category: string;
  technique: string;
  message: string;
}

/** Nearest-rank percentiles in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface RedteamReport {
  runId: string;
  /** Which case set this is, e.g. `suite` or `holdout`. */
  label: string;
  startedAtMs: number;
  durationMs: number;
  /** The policy version the verdicts named, or null when none decided. */
  policyVersion: string | null;
  counts: { cases: number; harmful: number; benign: number; errors: number };
  /** Harmful categories: the block rate. `benign`: the false-positive rate. */
  byCategory: Record<string, BlockFigure>;
  /** Per technique, harmful (block rate) and benign (false-positive rate) apart. */
  byTechnique: Record<string, { harmful: BlockFigure; benign: BlockFigure }>;
  byCategoryAndTechnique: Record<string, Record<string, BlockFigure>>;
  falsePositives: BlockFigure & { cases: RedteamFalsePositive[] };
  misses: RedteamMiss[];
  errors: RedteamError[];
  /** How often each rule fired, over all cases. */
  ruleHits: Record<string, number>;
  /** Per check id, from each verdict's `checks[].latencyMs`. */
  latencyByCheck: Record<string, LatencySummary>;
  /** The whole screen call per case, timed with the injected clock. */
  screenLatency: LatencySummary;
}
