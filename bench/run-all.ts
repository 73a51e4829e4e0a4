// `npm run bench`: every benchmark, side by side in one run; results to bench/out/results.json.
// Figures go to docs/benchmarks.md by hand, with the machine they came from.
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { benchApi } from './api-throughput.js';
import { benchTransitions, benchLeasePickup } from './jobs-throughput.js';

const only = process.argv[2] ?? 'all';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const results: Record<string, unknown> = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  at: new Date().toISOString(),
};

if (only === 'all' || only === 'api') {
  results.api = await benchApi(['pglite', 'postgres'], seconds);
  console.table(results.api);
}
if (only === 'all' || only === 'jobs') {
  results.transitions = await benchTransitions(2000);
  console.table([results.transitions]);
  results.leasePickup = await benchLeasePickup(9, 1000);
  console.table([results.leasePickup]);
}
if (only === 'all' || only === 'local') {
  const { benchLocalRender } = await import('./local-render.js');
  results.localRender = await benchLocalRender(3);
  console.table(results.localRender);
}
if (only === 'all' || only === 'routing') {
  const { benchReadBreakers, benchRoutingDecision } = await import('./routing-decision.js');
  const decisions = Number(process.env.BENCH_DECISIONS ?? 20_000);
  results.routingDecision = await benchRoutingDecision(decisions, 7);
  console.table(results.routingDecision);
  results.readBreakers = await benchReadBreakers(2000);
  console.table([results.readBreakers]);
}
if (only === 'all' || only === 'policy') {
  const { benchPolicyScreening } = await import('./policy-screening.js');
  results.policyScreening = await benchPolicyScreening(Number(process.env.BENCH_SCREENS ?? 2000));
  console.table(results.policyScreening);
  const { benchPolicyImage } = await import('./policy-image.js');
  results.policyImage = await benchPolicyImage(Number(process.env.BENCH_IMAGE_SCREENS ?? 200));
  console.table(results.policyImage);
  const { benchC2paSigning } = await import('./c2pa-signing.js');
  results.c2paSigning = await benchC2paSigning(Number(process.env.BENCH_ROUNDS ?? 7));
  console.table(results.c2paSigning);
}
if (only === 'all' || only === 'timeline') {
  const { benchTimelineExport } = await import('./timeline-export.js');
  const runs = Number(process.env.BENCH_TIMELINE_RUNS ?? 50);
  results.timelineExport = await benchTimelineExport(1000, runs);
  console.table(results.timelineExport);
}
if (only === 'all' || only === 'dataset') {
  const { benchDatasetExport } = await import('./dataset-export.js');
  const clips = Number(process.env.BENCH_DATASET_CLIPS ?? 1000);
  results.datasetExport = await benchDatasetExport(clips, Number(process.env.BENCH_ROUNDS ?? 5));
  console.table(results.datasetExport);
}
if (only === 'all' || only === 'storyboard') {
  const { benchStoryboardOverhead } = await import('./storyboard-overhead.js');
  results.storyboardOverhead = await benchStoryboardOverhead(
    6,
    Number(process.env.BENCH_ROUNDS ?? 3),
  );
  console.table(results.storyboardOverhead);
}
// BENCH_BASELINE (a git ref) adds that commit's tree to these groups, measured side by side.
const baselineGroup = (name: string) => only === 'all' || only === name;
if (baselineGroup('retrieve') || baselineGroup('overhead')) {
  const { checkoutsToCompare } = await import('./baseline-checkout.js');
  const compared = await checkoutsToCompare(process.env.BENCH_BASELINE);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  try {
    if (baselineGroup('retrieve')) {
      const { benchRetrieve, retrieveRatios } = await import('./retrieve-load.js');
      const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
      const rows = await benchRetrieve({ ...compared, seconds, rounds, connections });
      results.retrieve = { connections, rounds, rows, ratios: retrieveRatios(rows) };
      console.table(rows);
      console.table(retrieveRatios(rows));
    }
    if (baselineGroup('overhead')) {
      const { addedP99, benchGatewayOverhead } = await import('./gateway-overhead.js');
      const rows = await benchGatewayOverhead(seconds, compared.checkouts, rounds);
      results.gatewayOverhead = { rounds, rows, addedP99: addedP99(rows) };
      console.table(rows);
      console.table(addedP99(rows));
    }
  } finally {
    await compared.dispose();
  }
}
const scoreGroup = (name: string) => only === 'all' || only === 'score' || only === name;
if (scoreGroup('score-speed')) {
  const { benchScoreSpeed } = await import('./score-speed.js');
  const threads = [availableParallelism(), 1];
  results.scoreSpeed = await benchScoreSpeed(Number(process.env.BENCH_SCORE_RUNS ?? 5), threads);
  console.table(results.scoreSpeed);
}
if (scoreGroup('score-throughput')) {
  const { benchScoreThroughput } = await import('./score-throughput.js');
  results.scoreThroughput = await benchScoreThroughput(Number(process.env.BENCH_SCORE_CLIPS ?? 4));
  console.table(results.scoreThroughput);
}
if (scoreGroup('score-memory')) {
  const { benchScoreMemory } = await import('./score-memory.js');
  results.scoreMemory = await benchScoreMemory(Number(process.env.BENCH_SCORE_LONG_SECONDS ?? 60));
  console.table(results.scoreMemory);
}
await mkdir('bench/out', { recursive: true });
await writeFile('bench/out/results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote bench/out/results.json');
