import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/config-schema.js';
import { ConfigError, configErrorAt } from '../config/load-config.js';
import type { Database } from '../db/queryable.js';
import type { PolicyGate } from '../generation/policy-gate.js';
import { sampleFrames } from '../media/sample-frames.js';
import type { PolicyCheck } from '../policy/policy-check.js';
import { createPolicyEngine } from '../policy/policy-engine.js';
import { hashImage } from '../policy/image/hash-image.js';
import {
  allowlistRefusal,
  createTextCheck,
  defaultPolicyFile,
  parsePolicyPack,
  type TextCheck,
} from '../policy/text/index.js';
import type { PolicyPack } from '../policy/text/policy-pack-schema.js';
import type { FetchFunction } from '../provider-http/provider-http.js';
import { imageChecksFromConfig } from './image-checks-from-config.js';
import { mediaBinaries } from './media-binaries.js';
import { openAuditLog } from './open-audit-log.js';
import { policyAuditWriter } from './policy-audit-writer.js';
import { projectPolicies } from './project-policies.js';
import { remoteChecksFromConfig } from './remote-checks-from-config.js';

/** The configured rule pack, or the shipped one; a broken file stops the gateway, naming the line. */
export async function loadPolicyPack(config: Config): Promise<PolicyPack> {
  const path =
    config.policy.file != null ? resolve(config.policy.file) : fileURLToPath(defaultPolicyFile);
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    throw configErrorAt(config, 'policy.file', `cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return parsePolicyPack(source, path);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

export function textPolicyCheck(check: TextCheck): PolicyCheck {
  return {
    id: check.id,
    version: check.version,
    stage: 'pre',
    failureMode: 'closed',
    accepts: { prompt: true, image: false },
    remote: false,
    screen: async (input, project) =>
      check.screen(input.prompt ?? '', { allowlist: { entityIds: project.allowlist } }),
  };
}

export interface BuiltPolicy {
  gate: PolicyGate;
  /** Loads what the first screen would otherwise wait for (the image classifier's model). */
  warmUp(): Promise<void>;
}

/** Frames of a finished render for the post checks: the first and N spread over the clip. */
function frameSampler(config: Config) {
  const binaries = mediaBinaries(config);
  return async (videoPath: string) => {
    const frames = await sampleFrames({
      videoPath,
      count: config.policy.outputs.frames,
      ...binaries,
      maxSide: 512,
      format: 'png',
    });
    return frames.map((frame) => frame.image);
  };
}

/** The screening gate from `config.policy`: null when policy is off. */
export async function policyFromConfig(
  config: Config,
  pieces: { database: Database; fetch: FetchFunction; now?: () => number },
): Promise<BuiltPolicy | null> {
  if (!config.policy.enabled) return null;
  const pack = await loadPolicyPack(config);
  const projects = await projectPolicies(config, pieces.database, (key, entityId) => {
    const refusal = allowlistRefusal(pack, entityId);
    if (refusal != null) throw configErrorAt(config, key, refusal);
  });
  const images = await imageChecksFromConfig(config);
  const engine = createPolicyEngine({
    version: pack.version,
    text: textPolicyCheck(createTextCheck(pack)),
    checks: [...images.checks, ...remoteChecksFromConfig(config.policy.remote, pieces.fetch)],
    now: pieces.now ?? (() => performance.now()),
  });
  const log = await openAuditLog({ config, database: pieces.database }, { create: true });
  const gate: PolicyGate = {
    engine,
    projectPolicy: projects.policyOf,
    audit: policyAuditWriter(log, pieces.database, projects.storesExcerpts),
    perceptualHash: async (bytes) => (await hashImage(bytes)).phash,
    outputFailureMode: config.policy.outputs.failureMode,
    ...(config.policy.outputs.enabled ? { sampleFrames: frameSampler(config) } : {}),
  };
  return { gate, warmUp: images.warmUp };
}
