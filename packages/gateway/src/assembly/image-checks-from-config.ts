import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Config } from '../config/config-schema.js';
import { configErrorAt } from '../config/load-config.js';
import type { PolicyCheck } from '../policy/policy-check.js';
import type { FailureMode, PolicyStage } from '../policy/policy-types.js';
import type { ImageCheck } from '../policy/image/image-check.js';
import { createImageHashCheck } from '../policy/image/image-hash-check.js';
import { knownImageHashListSchema, type KnownImageHash } from '../policy/image/known-image-hash.js';
import { createNsfwCheck, type NsfwCheck } from '../policy/image/nsfw-check.js';

/** A JSON list of known images (`[{id, hash, category, label}]`), refused as input and output. */
export async function readKnownImages(
  config: Config,
  key: string,
  path: string,
): Promise<KnownImageHash[]> {
  let text: string;
  try {
    text = await readFile(resolve(path), 'utf8');
  } catch (error) {
    throw configErrorAt(config, key, `cannot read ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw configErrorAt(config, key, `${path} is not JSON: ${(error as Error).message}`);
  }
  const result = knownImageHashListSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw configErrorAt(config, key, `${path}: [${issue?.path.join('.')}] ${issue?.message}`);
  }
  return result.data;
}

function asPolicyCheck(
  id: string,
  check: ImageCheck,
  stage: PolicyStage,
  failureMode: FailureMode,
): PolicyCheck {
  const param = stage === 'post' ? ('output' as const) : ('input_reference' as const);
  return {
    id,
    version: check.version,
    stage,
    failureMode,
    accepts: { prompt: false, image: true },
    remote: false,
    screen: async (input, project) =>
      input.image == null
        ? Promise.reject(new Error('no image to screen'))
        : check.screen(input.image.bytes, { param, projectHashes: project.knownImages }),
  };
}

export interface ImageChecks {
  checks: PolicyCheck[];
  /** Loads the classifier's model, so the first screened image does not wait for it. */
  warmUp(): Promise<void>;
}

/**
 * The known-image hash and the NSFW classifier, once for input images (`pre`, or `log-only`)
 * and once for output frames (`post`) when outputs are screened; one classifier serves both.
 */
export async function imageChecksFromConfig(config: Config): Promise<ImageChecks> {
  const { images, outputs } = config.policy;
  const known =
    config.policy.knownImagesFile != null
      ? await readKnownImages(config, 'policy.knownImagesFile', config.policy.knownImagesFile)
      : [];
  const hash = createImageHashCheck({
    lists: [{ name: 'policy', hashes: known }],
    threshold: images.hashThreshold,
  });
  const nsfw: NsfwCheck | null = images.nsfw.enabled ? createNsfwCheck({}) : null;
  const checks = [asPolicyCheck('image.known-hash', hash, 'pre', images.hashFailureMode)];
  if (nsfw != null) {
    checks.push(asPolicyCheck('image.nsfw', nsfw, images.nsfw.stage, images.nsfw.failureMode));
  }
  if (outputs.enabled) {
    checks.push(asPolicyCheck('output.known-hash', hash, 'post', outputs.failureMode));
    if (nsfw != null) {
      checks.push(asPolicyCheck('output.nsfw', nsfw, 'post', outputs.failureMode));
    }
  }
  return { checks, warmUp: async () => nsfw?.warmUp() };
}
