import { createPrivateKey, sign } from 'node:crypto';
import type { C2paLibrary, C2paSigner } from './c2pa-library.js';
import type { SigningCredentials } from './signing-credentials.js';

/** Room for the COSE structure beside the certificates it carries. */
const coseOverheadBytes = 10_000;

function certificatesOf(chainPem: Buffer): Buffer[] {
  const blocks = chainPem
    .toString('utf8')
    .match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  return (blocks ?? []).map((block) => Buffer.from(`${block}\n`));
}

/**
 * An ES256 claim signer whose signature is made here with node:crypto (raw r||s, as COSE wants).
 * The same callback shape would let a KMS or HSM hold a production key instead of a PEM file.
 */
export function createClaimSigner(
  library: C2paLibrary,
  credentials: SigningCredentials,
): C2paSigner {
  const key = createPrivateKey(credentials.privateKeyPem);
  const certs = certificatesOf(credentials.certificateChainPem);
  const reserveSize = coseOverheadBytes + credentials.certificateChainPem.length;
  return library.CallbackSigner.newSigner(
    { alg: 'es256', certs, reserveSize, directCoseHandling: false },
    (data) => Promise.resolve(sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' })),
  );
}
