import { actionsAssertionSchema } from './manifest-store-schema.js';
import type { ManifestStore, StoredManifest, ValidationStatus } from './manifest-store-schema.js';
import { generationAssertionLabel, generationAssertionSchema } from './provenance-manifest.js';

/** Where the manifest that was checked came from. */
export type ManifestLocation = 'embedded' | 'sidecar';

/** The facts vgw wrote (null when another tool made the manifest). */
export interface VerifiedGeneration {
  model: string;
  provider: string;
  route: string | null;
  createdAt: string;
  vgwVersion: string;
  videoId: string;
  developmentKey: boolean;
}

export interface VerifiedManifest {
  location: ManifestLocation;
  /** From the `c2pa.created` action: trainedAlgorithmicMedia for every vgw output. */
  digitalSourceType: string | null;
  softwareAgent: string | null;
  signer: { issuer: string | null; commonName: string | null };
  generation: VerifiedGeneration | null;
}

export type VerificationStatus = 'valid' | 'tampered' | 'unsigned';

/**
 * Codes about who signed, not about the bytes: an untrusted (private or development) CA, an
 * expired certificate or a missing timestamp leave the content intact, so they are reported
 * as details of a valid result rather than as tampering.
 */
function isCredentialCode(code: string): boolean {
  return code.startsWith('signingCredential.') || code.startsWith('timeStamp.');
}

function describeStatus(status: ValidationStatus): string {
  if (status.code === 'signingCredential.untrusted') {
    return 'signingCredential.untrusted: the signing certificate is not on a C2PA trust list (expected for a vgw development key or a private CA)';
  }
  return status.explanation != null ? `${status.code}: ${status.explanation}` : status.code;
}

function failures(store: ManifestStore): ValidationStatus[] {
  const active = store.validation_results?.activeManifest?.failure ?? [];
  const seen = new Set(active.map((status) => `${status.code} ${status.url ?? ''}`));
  const others = store.validation_status.filter(
    (status) => !seen.has(`${status.code} ${status.url ?? ''}`),
  );
  return [...active, ...others];
}

/** valid or tampered, with one detail line per validation failure the reader reported. */
export function judgeStore(store: ManifestStore): {
  status: VerificationStatus;
  details: string[];
} {
  const all = failures(store);
  const integrity = all.filter((status) => !isCredentialCode(status.code));
  const details = all.map(describeStatus);
  if (integrity.length > 0) return { status: 'tampered', details };
  if (store.validation_state === 'Invalid') {
    return {
      status: 'tampered',
      details: [...details, 'the C2PA reader judged the manifest invalid'],
    };
  }
  return { status: 'valid', details };
}

function agentName(agent: string | { name: string } | undefined): string | null {
  if (agent == null) return null;
  return typeof agent === 'string' ? agent : agent.name;
}

function createdAction(manifest: StoredManifest) {
  for (const assertion of manifest.assertions) {
    if (assertion.label !== 'c2pa.actions.v2' && assertion.label !== 'c2pa.actions') continue;
    const parsed = actionsAssertionSchema.safeParse(assertion.data);
    if (!parsed.success) continue;
    const created = parsed.data.actions.find((action) => action.action === 'c2pa.created');
    if (created != null) return created;
  }
  return null;
}

function generationOf(manifest: StoredManifest): VerifiedGeneration | null {
  const assertion = manifest.assertions.find((entry) => entry.label === generationAssertionLabel);
  const parsed = generationAssertionSchema.safeParse(assertion?.data);
  if (!parsed.success) return null;
  const data = parsed.data;
  return {
    model: data.model,
    provider: data.provider,
    route: data.route,
    createdAt: data.created_at,
    vgwVersion: data.vgw_version,
    videoId: data.video_id,
    developmentKey: data.development_key,
  };
}

export function activeManifest(store: ManifestStore): StoredManifest | null {
  if (store.active_manifest == null) return null;
  return store.manifests[store.active_manifest] ?? null;
}

export function describeManifest(
  manifest: StoredManifest,
  location: ManifestLocation,
): VerifiedManifest {
  const created = createdAction(manifest);
  return {
    location,
    digitalSourceType: created?.digitalSourceType ?? null,
    softwareAgent: agentName(created?.softwareAgent),
    signer: {
      issuer: manifest.signature_info?.issuer ?? null,
      commonName: manifest.signature_info?.common_name ?? null,
    },
    generation: generationOf(manifest),
  };
}
