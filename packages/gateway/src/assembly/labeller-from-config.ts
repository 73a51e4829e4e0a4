import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Config } from '../config/config-schema.js';
import type { LabelledOutput, OutputLabeller } from '../generation/output-labeller.js';
import { createProvenanceSigner } from '../provenance/provenance-signer.js';
import type { SignVideoResult } from '../provenance/sign-video.js';

const gatewayPackage = createRequire(import.meta.url)('../../package.json') as { version: string };

export interface BuiltLabeller {
  labeller: OutputLabeller;
  /** For the startup log: a development key signs, or nothing will be signed, and why. */
  warning: string | null;
}

function labelled(result: SignVideoResult, outputPath: string, sidecar: Uint8Array | null) {
  return {
    provenance: result.provenance,
    signedPath: result.provenance === 'embedded' ? outputPath : null,
    sidecar,
    warning: result.warning ?? null,
  };
}

/**
 * Signs each finished output with a C2PA manifest (ADR 0015): the embedded copy is stored in
 * place of the original; a sidecar is stored as the `c2pa` file; `none` leaves the file as it
 * was. Null when `provenance.mode` is off.
 */
export async function labellerFromConfig(config: Config): Promise<BuiltLabeller | null> {
  const { mode, certificateFile, privateKeyFile } = config.provenance;
  if (mode === 'off') return null;
  const signing = await createProvenanceSigner({
    dataDir: config.dataDir,
    signingKey:
      certificateFile != null && privateKeyFile != null
        ? { certificateChainPath: certificateFile, privateKeyPath: privateKeyFile }
        : null,
    now: () => new Date(),
  });
  const workDir = join(config.dataDir, 'provenance', 'work');
  const labeller: OutputLabeller = {
    async label(inputPath, facts): Promise<LabelledOutput> {
      await mkdir(workDir, { recursive: true });
      const outputPath = join(workDir, `${randomBytes(12).toString('hex')}.mp4`);
      const dispose = async () => {
        await rm(outputPath, { force: true });
        await rm(`${outputPath}.c2pa`, { force: true });
      };
      try {
        const result = await signing.signer.signVideo({
          inputPath,
          outputPath,
          facts: { ...facts, createdAt: new Date(), vgwVersion: gatewayPackage.version },
          mode,
        });
        const sidecar = result.sidecarPath != null ? await readFile(result.sidecarPath) : null;
        return { ...labelled(result, outputPath, sidecar), dispose };
      } catch (error) {
        await dispose();
        throw error;
      }
    },
  };
  return { labeller, warning: signing.warning ?? null };
}
