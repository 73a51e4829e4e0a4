// What screening an input image costs a create: the known-hash check alone, and the hash plus
// the NSFW classifier run together (as the policy engine runs them, one shared decode), on a
// 1280x720 frame as PNG and as JPEG. Each screen gets its own copy of the bytes, as each request
// does, so no decode is reused between samples. Run alone: `npx tsx bench/policy-image.ts
// [samples] [wasm|cpu]`.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { hashImage } from '../packages/gateway/src/policy/image/hash-image.js';
import type { ImageCheck } from '../packages/gateway/src/policy/image/image-check.js';
import { createImageHashCheck } from '../packages/gateway/src/policy/image/image-hash-check.js';
import type { KnownImageHash } from '../packages/gateway/src/policy/image/known-image-hash.js';
import { createNsfwCheck } from '../packages/gateway/src/policy/image/nsfw-check.js';
import type { NsfwBackend } from '../packages/gateway/src/policy/image/nsfw-model.js';
import { lavfiPng, noisePng } from '../packages/gateway/src/policy/image/test-images.js';

export interface PolicyImageRow {
  screening: string;
  image: string;
  samples: number;
  p50Ms: number;
  p99Ms: number;
  /** The fastest sample: nearest what an idle machine gives, on a shared one. */
  minMs: number;
  maxMs: number;
  /** Process CPU time (all threads) per screen: the work itself, whatever else the machine runs. */
  cpuMsPerScreen: number;
}

/** A policy-sized list: 1000 entries, none of which the benchmark image matches. */
async function knownList(): Promise<KnownImageHash[]> {
  const seedImage = await hashImage(await noisePng(64, 64, 1));
  return Array.from({ length: 1000 }, (_, index) => ({
    id: `entry-${index}`,
    hash: (BigInt(`0x${seedImage.phash}`) ^ BigInt(index * 2654435761))
      .toString(16)
      .padStart(16, '0')
      .slice(-16),
    category: 'protected_characters' as const,
    label: 'benchmark entry',
  }));
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * fraction) - 1)] as number;
}

async function time(
  checks: readonly ImageCheck[],
  bytes: Buffer,
  samples: number,
): Promise<{ sorted: number[]; cpuMs: number }> {
  const context = { param: 'input_reference' as const, projectHashes: [] };
  const timings: number[] = [];
  let cpuStart = process.cpuUsage();
  for (let index = 0; index < samples + 10; index += 1) {
    const copy = Buffer.from(bytes);
    const startedAt = performance.now();
    const outcomes = await Promise.all(checks.map((check) => check.screen(copy, context)));
    const elapsed = performance.now() - startedAt;
    const failed = outcomes.find((outcome) => outcome.error != null || outcome.findings.length > 0);
    if (failed != null)
      throw new Error(`benchmark image was not allowed: ${JSON.stringify(failed)}`);
    if (index >= 10) timings.push(elapsed);
    if (index === 9) cpuStart = process.cpuUsage();
  }
  const cpu = process.cpuUsage(cpuStart);
  return {
    sorted: timings.sort((left, right) => left - right),
    cpuMs: (cpu.user + cpu.system) / 1000 / samples,
  };
}

export async function benchPolicyImage(
  samples = 200,
  backend: NsfwBackend = 'wasm',
): Promise<PolicyImageRow[]> {
  const hash = createImageHashCheck({ lists: [{ name: 'policy', hashes: await knownList() }] });
  const nsfw = createNsfwCheck({ backend });
  await nsfw.warmUp();
  const png = await lavfiPng('testsrc2=s=1280x720');
  const images = {
    '1280x720 PNG': png,
    '1280x720 JPEG q85': await sharp(png).jpeg({ quality: 85 }).toBuffer(),
  };
  const cases: { screening: string; checks: ImageCheck[] }[] = [
    { screening: 'known-hash (1000 entries)', checks: [hash] },
    { screening: `known-hash + nsfw (${backend})`, checks: [hash, nsfw] },
  ];
  const rows: PolicyImageRow[] = [];
  for (const [image, bytes] of Object.entries(images)) {
    for (const { screening, checks } of cases) {
      const { sorted, cpuMs } = await time(checks, bytes, samples);
      rows.push({
        screening,
        image,
        samples,
        p50Ms: Number(percentile(sorted, 0.5).toFixed(1)),
        p99Ms: Number(percentile(sorted, 0.99).toFixed(1)),
        minMs: Number((sorted[0] as number).toFixed(1)),
        maxMs: Number((sorted[sorted.length - 1] as number).toFixed(1)),
        cpuMsPerScreen: Number(cpuMs.toFixed(1)),
      });
    }
  }
  return rows;
}

if (process.argv[1] != null && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const samples = Number(process.argv[2] ?? 200);
  const backend = (process.argv[3] ?? 'wasm') as NsfwBackend;
  console.table(await benchPolicyImage(samples, backend));
}
