// What the pre-call screen costs a create, through the policy engine as the gateway builds it
// (rule pack, known-hash and NSFW checks; remote checks off, as the targets exclude
// them): text only, and text with a 1280x720 input image. Prompts are the red-team suite's,
// mutated, padded or cut to 500 characters. Run alone: `npx tsx bench/policy-screening.ts [samples]`.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { imageChecksFromConfig } from '../packages/gateway/src/assembly/image-checks-from-config.js';
import {
  loadPolicyPack,
  textPolicyCheck,
} from '../packages/gateway/src/assembly/policy-from-config.js';
import { configSchema } from '../packages/gateway/src/config/config-schema.js';
import { emptyProjectPolicy } from '../packages/gateway/src/policy/policy-check.js';
import { createPolicyEngine } from '../packages/gateway/src/policy/policy-engine.js';
import { lavfiPng } from '../packages/gateway/src/policy/image/test-images.js';
import {
  expandWithMutations,
  loadRedteamCases,
  shippedSuitePaths,
} from '../packages/gateway/src/policy/redteam/index.js';
import { createTextCheck } from '../packages/gateway/src/policy/text/index.js';

export interface PolicyScreeningRow {
  screening: string;
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const percentile = (sorted: readonly number[], fraction: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * fraction) - 1)] as number;

function row(screening: string, timings: number[]): PolicyScreeningRow {
  const sorted = [...timings].sort((left, right) => left - right);
  return {
    screening,
    samples: sorted.length,
    p50Ms: Number(percentile(sorted, 0.5).toFixed(3)),
    p99Ms: Number(percentile(sorted, 0.99).toFixed(3)),
    maxMs: Number((sorted[sorted.length - 1] as number).toFixed(3)),
  };
}

async function prompts(count: number): Promise<string[]> {
  const cases = expandWithMutations(await loadRedteamCases(await shippedSuitePaths('suite')));
  return Array.from({ length: count }, (_, index) => {
    let text = cases[(index * 7919) % cases.length]?.text ?? '';
    for (let next = index + 1; text.length < 500; next += 1) {
      text += ` ${cases[(next * 104_729) % cases.length]?.text ?? ''}`;
    }
    return text.slice(0, 500);
  });
}

export async function benchPolicyScreening(samples = 2000): Promise<PolicyScreeningRow[]> {
  const config = configSchema.parse({});
  const pack = await loadPolicyPack(config);
  const images = await imageChecksFromConfig(config);
  await images.warmUp();
  const engine = createPolicyEngine({
    version: pack.version,
    text: textPolicyCheck(createTextCheck(pack)),
    checks: images.checks,
    now: () => performance.now(),
  });
  const texts = await prompts(samples);
  const image = { bytes: await lavfiPng('testsrc2=s=1280x720'), mediaType: 'image/png' };
  const time = async (withImage: boolean, count: number) => {
    const timings: number[] = [];
    for (let index = 0; index < count + 20; index += 1) {
      const started = performance.now();
      await engine.screenRequest(
        {
          prompt: texts[index % texts.length] as string,
          image: withImage ? { ...image, bytes: Buffer.from(image.bytes) } : null,
        },
        emptyProjectPolicy,
      );
      if (index >= 20) timings.push(performance.now() - started);
    }
    return timings;
  };
  return [
    row('text only (500 characters)', await time(false, samples)),
    row('text + 1280x720 PNG (hash + nsfw)', await time(true, Math.min(samples, 200))),
  ];
}

if (process.argv[1] != null && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await benchPolicyScreening(Number(process.argv[2] ?? 2000)));
}
