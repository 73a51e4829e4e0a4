import { copyFile, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { C2paAvailability, C2paLibrary, C2paSigner } from './c2pa-library.js';
import { createClaimSigner } from './claim-signer.js';
import { buildProvenanceManifest } from './provenance-manifest.js';
import type { ProvenanceFacts } from './provenance-manifest.js';
import type { SigningCredentials } from './signing-credentials.js';

/** `embed` writes the manifest into the MP4; `sidecar` leaves the MP4's bytes as they are. */
export type ProvenanceMode = 'embed' | 'sidecar';

/** What an output ended up with; `GET /v1/videos/{id}` shows it as `provenance.c2pa`. */
export type ProvenanceOutcome = 'embedded' | 'sidecar' | 'none';

export interface SignVideoRequest {
  inputPath: string;
  /** Written in every outcome (a plain copy for `none`); may equal `inputPath`. */
  outputPath: string;
  facts: ProvenanceFacts;
  mode: ProvenanceMode;
}

export interface SignVideoResult {
  provenance: ProvenanceOutcome;
  /** `<outputPath>.c2pa`, for the `sidecar` outcome only. */
  sidecarPath?: string;
  /** Set whenever the outcome is not an embedded manifest: says which and why. */
  warning?: string;
}

export interface VideoSigner {
  signVideo(request: SignVideoRequest): Promise<SignVideoResult>;
}

export interface VideoSignerOptions {
  c2pa: C2paAvailability;
  /** Null only where the library is unavailable and nothing will be signed. */
  credentials: SigningCredentials | null;
}

const mp4 = 'video/mp4';

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

/** A private folder beside the output, so the final rename stays on one file system. */
async function withStaging<T>(outputPath: string, work: (folder: string) => Promise<T>) {
  const folder = await mkdtemp(join(dirname(outputPath), '.vgw-provenance-'));
  try {
    return await work(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

interface Signing {
  library: C2paLibrary;
  signer: C2paSigner;
  development: boolean;
  request: SignVideoRequest;
}

function manifestBuilder(signing: Signing, noEmbed: boolean) {
  const manifest = buildProvenanceManifest(signing.request.facts, {
    title: basename(signing.request.outputPath),
    development: signing.development,
  });
  const builder = signing.library.Builder.withJson(manifest);
  if (noEmbed) builder.setNoEmbed(true);
  return builder;
}

async function embed(signing: Signing): Promise<SignVideoResult> {
  const { request } = signing;
  return withStaging(request.outputPath, async (folder) => {
    const staged = join(folder, 'signed.mp4');
    const input = { path: request.inputPath, mimeType: mp4 };
    const output = { path: staged, mimeType: mp4 };
    await manifestBuilder(signing, false).signAsync(signing.signer, input, output);
    await rename(staged, request.outputPath);
    return { provenance: 'embedded' };
  });
}

/** Places the input's exact bytes at the output path (nothing to do when they are one file). */
async function placeCopy(request: SignVideoRequest, folder: string): Promise<void> {
  if (resolve(request.inputPath) === resolve(request.outputPath)) return;
  const staged = join(folder, 'copy.mp4');
  await copyFile(request.inputPath, staged);
  await rename(staged, request.outputPath);
}

async function sidecar(signing: Signing, why: string): Promise<SignVideoResult> {
  const { request } = signing;
  const sidecarPath = `${request.outputPath}.c2pa`;
  return withStaging(request.outputPath, async (folder) => {
    // The library still writes an asset; the output is our own copy, so its bytes are the input's.
    const discard = { path: join(folder, 'unused.mp4'), mimeType: mp4 };
    const input = { path: request.inputPath, mimeType: mp4 };
    const manifestStore = await manifestBuilder(signing, true).signAsync(
      signing.signer,
      input,
      discard,
    );
    const stagedSidecar = join(folder, 'manifest.c2pa');
    await writeFile(stagedSidecar, manifestStore);
    await placeCopy(request, folder);
    await rename(stagedSidecar, sidecarPath);
    return {
      provenance: 'sidecar',
      sidecarPath,
      warning: `C2PA manifest ${why}: written beside the video as ${basename(sidecarPath)}, bound to its bytes`,
    };
  });
}

async function unsigned(request: SignVideoRequest, warning: string): Promise<SignVideoResult> {
  await withStaging(request.outputPath, (folder) => placeCopy(request, folder));
  return { provenance: 'none', warning: `no C2PA manifest: ${warning}` };
}

async function signWith(signing: Signing): Promise<SignVideoResult> {
  let why = 'in a sidecar as asked';
  if (signing.request.mode === 'embed') {
    try {
      return await embed(signing);
    } catch (error) {
      why = `not embedded (${reasonOf(error)})`;
    }
  }
  try {
    return await sidecar(signing, why);
  } catch (error) {
    return unsigned(signing.request, `signing failed (${reasonOf(error)}); ${why}`);
  }
}

/**
 * Signs outputs with a C2PA manifest that labels them AI-generated: embedded by default, a
 * `.c2pa` sidecar when asked or when embedding fails, and a plain copy with a warning where the
 * library is unavailable, so an output is never lost for want of its label.
 */
export function createVideoSigner(options: VideoSignerOptions): VideoSigner {
  const { c2pa, credentials } = options;
  if (!c2pa.available) {
    return { signVideo: (request) => unsigned(request, c2pa.reason) };
  }
  if (credentials == null) {
    return { signVideo: (request) => unsigned(request, 'no signing key was loaded') };
  }
  const signer = createClaimSigner(c2pa.library, credentials);
  const { library } = c2pa;
  const development = credentials.development;
  return { signVideo: (request) => signWith({ library, signer, development, request }) };
}
