import type { ClientSession } from '../client/client-session.js';
import { CliError } from '../errors/cli-error.js';
import type { BenchPrompt, BenchRun } from './leaderboard/bench-run.js';
import { modelPrices } from './leaderboard/model-prices.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { renderBenchRun } from './render-bench-run.js';
import type { BenchJob, RenderSettings } from './render-bench-run.js';
import type { ScoreEnvironment } from './score-bench-runs.js';
import { sequentialScorer } from './score-bench-runs.js';

export interface BenchPlan {
  prompts: readonly BenchPrompt[];
  models: readonly string[];
  repeat: number;
  concurrency: number;
  render: RenderSettings;
}

/** Repeat-major, then prompt, then model: an interrupted bench still compares every model. */
export function benchJobs(plan: Pick<BenchPlan, 'prompts' | 'models' | 'repeat'>): BenchJob[] {
  const jobs: BenchJob[] = [];
  for (let repeat = 0; repeat < plan.repeat; repeat += 1) {
    for (const prompt of plan.prompts) {
      for (const model of plan.models) jobs.push({ prompt, model, repeat });
    }
  }
  return jobs;
}

function describeRun(run: BenchRun): string {
  const what = `${run.promptId} × ${run.model} #${run.repeat}`;
  if (run.status === 'failed') {
    const failure = run.failure;
    const reason = failure != null ? `${failure.stage}: ${failure.code}: ${failure.message}` : '';
    return `${what}: failed (${reason})`;
  }
  const index = run.score != null ? `, stability ${run.score.index.value.toFixed(1)}` : '';
  const seconds = run.renderSeconds != null ? ` in ${run.renderSeconds} s` : '';
  return `${what}: completed${seconds}${index}`;
}

async function checkModels(session: ClientSession, models: readonly string[], signal: AbortSignal) {
  const body = await session.client.engines.list({ signal });
  const known = new Set(body.data.map((engine) => String(engine.id)));
  const unknown = models.filter((model) => !known.has(model));
  if (unknown.length > 0) {
    throw new CliError(`unknown model ${unknown.join(', ')} (see "vgw engines")`);
  }
  return modelPrices(body);
}

/**
 * Every job through the gateway with at most `concurrency` renders in flight; each finished
 * render is scored in turn while the others go on. Returns the runs in job order.
 */
export async function runBench(
  session: ClientSession,
  plan: BenchPlan,
  scoring: ScoreEnvironment,
  report: (line: string) => void,
): Promise<BenchRun[]> {
  const prices = await checkModels(session, plan.models, scoring.signal);
  const jobs = benchJobs(plan);
  const score = sequentialScorer(scoring, { session, timeoutMs: plan.render.timeoutMs });
  const environment = { ...scoring, session, prices, settings: plan.render };
  let done = 0;
  const pending: Promise<BenchRun>[] = [];
  await mapWithConcurrency(jobs, plan.concurrency, async (job, index) => {
    const rendered = await renderBenchRun(environment, job);
    pending[index] = score(rendered).then((run) => {
      done += 1;
      report(`[${done}/${jobs.length}] ${describeRun(run)}`);
      return run;
    });
  });
  return Promise.all(pending);
}
