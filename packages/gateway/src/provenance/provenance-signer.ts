import { loadC2paLibrary } from './c2pa-library.js';
import type { C2paLibrary } from './c2pa-library.js';
import { createVideoSigner } from './sign-video.js';
import type { VideoSigner } from './sign-video.js';
import { loadSigningCredentials } from './signing-credentials.js';
import type { LoadSigningCredentialsOptions } from './signing-credentials.js';

export interface ProvenanceSignerOptions extends LoadSigningCredentialsOptions {
  /** Replaces the import of `@contentauth/c2pa-node` (tests simulate a platform without it). */
  importLibrary?: () => Promise<C2paLibrary>;
}

export interface ProvenanceSigner {
  signer: VideoSigner;
  /** 'development' when no key was configured and the data dir's development key signs. */
  key: 'configured' | 'development' | 'none';
  /** For the startup log: why outputs will not be signed, or that a development key signs them. */
  warning?: string;
}

/**
 * What a gateway builds once at startup: loads the library and the signing key, so a bad key
 * file fails the start (SigningKeyError, naming the file) and a platform without the library
 * still runs, with unsigned outputs and one warning.
 */
export async function createProvenanceSigner(
  options: ProvenanceSignerOptions,
): Promise<ProvenanceSigner> {
  const c2pa = await loadC2paLibrary(options.importLibrary);
  if (!c2pa.available) {
    return {
      signer: createVideoSigner({ c2pa, credentials: null }),
      key: 'none',
      warning: `outputs will not carry C2PA provenance: ${c2pa.reason}`,
    };
  }
  const credentials = await loadSigningCredentials(options);
  const signer = createVideoSigner({ c2pa, credentials });
  if (!credentials.development) return { signer, key: 'configured' };
  return {
    signer,
    key: 'development',
    warning:
      'C2PA manifests are signed with a development key from the data directory (marked as such in every manifest); configure a signing certificate for production',
  };
}
