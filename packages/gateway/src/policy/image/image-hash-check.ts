import { performance } from 'node:perf_hooks';
import type { CheckOutcome, PolicyFinding } from '../policy-types.js';
import { decodeScreeningImage, type ScreeningImageLimits } from './decode-screening-image.js';
import { hammingDistance, parseHexHash, type Hash64 } from './hamming-distance.js';
import { hashScreeningImage, type ImageHashes } from './hash-image.js';
import { erroredOutcome, stageOf, type ImageCheck } from './image-check.js';
import { knownImageHashListSchema, type KnownImageHash } from './known-image-hash.js';

/** A list of known hashes with the name its findings carry (`image-hash.<name>.<id>`). */
export interface KnownImageHashList {
  name: string;
  hashes: readonly KnownImageHash[];
}

export interface ImageHashCheckOptions {
  /** The policy's lists; a project's own list comes with each screen, named `project`. */
  lists: readonly KnownImageHashList[];
  /** Most differing bits (of 64) still taken as a near-copy. */
  threshold?: number;
  /** Below this luma standard deviation an image is too flat for its hash to mean anything. */
  minContrast?: number;
  limits?: ScreeningImageLimits;
  /** Monotonic milliseconds, for `latencyMs`. */
  elapsed?: () => number;
}

/**
 * Resizing, JPEG at q30 and greyscale moved the hash 0-1 bits, brightness x1.3 moved it 4, a
 * 10 % crop 11; unrelated images sat around 28-32 (guardrails.md 3.2). 8 takes every
 * re-encoding while leaving three standard deviations of a random 64-bit pair's spread (32 +- 4).
 */
export const defaultHashThreshold = 8;
const defaultMinContrast = 2;

interface ParsedEntry {
  list: string;
  entry: KnownImageHash;
  value: Hash64;
}

function parseList(list: KnownImageHashList): ParsedEntry[] {
  return knownImageHashListSchema
    .parse(list.hashes)
    .map((entry) => ({ list: list.name, entry, value: parseHexHash(entry.hash) }));
}

const parsedProjectLists = new WeakMap<readonly KnownImageHash[], ParsedEntry[]>();

function projectEntries(hashes: readonly KnownImageHash[]): ParsedEntry[] {
  const cached = parsedProjectLists.get(hashes);
  if (cached != null) return cached;
  const parsed = parseList({ name: 'project', hashes });
  parsedProjectLists.set(hashes, parsed);
  return parsed;
}

interface Matches {
  findings: PolicyFinding[];
  nearest: number;
}

function match(hashes: ImageHashes, entries: readonly ParsedEntry[], threshold: number): Matches {
  const image = parseHexHash(hashes.phash);
  const mirror = parseHexHash(hashes.mirrorPhash);
  const findings: PolicyFinding[] = [];
  let nearest = 64;
  for (const { list, entry, value } of entries) {
    const distance = Math.min(hammingDistance(image, value), hammingDistance(mirror, value));
    nearest = Math.min(nearest, distance);
    if (distance <= threshold) {
      findings.push({
        ruleId: `image-hash.${list}.${entry.id}`,
        category: entry.category,
        effect: 'block',
        score: 1,
      });
    }
  }
  return { findings, nearest };
}

/**
 * Refuses near-copies of known images (protected characters' art, known likeness photos): the
 * image and its mirror are hashed and compared with the policy's lists and the project's own.
 * pHash finds copies of listed images only, never a new picture of the same person.
 */
export function createImageHashCheck(options: ImageHashCheckOptions): ImageCheck {
  const threshold = options.threshold ?? defaultHashThreshold;
  const minContrast = options.minContrast ?? defaultMinContrast;
  if (!Number.isInteger(threshold) || threshold < 0 || threshold > 32) {
    throw new Error(
      `image hash threshold must be a whole number of bits, 0 to 32, not ${threshold}`,
    );
  }
  const elapsed = options.elapsed ?? (() => performance.now());
  const policyEntries = options.lists.flatMap(parseList);
  const check = { id: 'image.known-hash', version: `1+phash-t${threshold}` };
  const screen = async (
    bytes: Uint8Array,
    context: Parameters<ImageCheck['screen']>[1],
  ): Promise<CheckOutcome> => {
    const startedAt = elapsed();
    try {
      const entries = [...policyEntries, ...projectEntries(context.projectHashes)];
      const hashes = await hashScreeningImage(await decodeScreeningImage(bytes, options.limits));
      const informative = hashes.contrast >= minContrast;
      const { findings, nearest } = informative
        ? match(hashes, entries, threshold)
        : { findings: [], nearest: 64 };
      return {
        checkId: check.id,
        checkVersion: check.version,
        stage: stageOf(context.param),
        param: context.param,
        findings,
        scores: { nearestDistance: nearest, contrast: hashes.contrast, listed: entries.length },
        latencyMs: elapsed() - startedAt,
      };
    } catch (error) {
      return erroredOutcome(check, context.param, error, elapsed() - startedAt);
    }
  };
  return { ...check, screen };
}
