import { webcrypto } from 'node:crypto';

/** The PEM texts of a signing identity: leaf first, then its issuers, as C2PA signers expect. */
export interface SigningIdentityPem {
  privateKeyPem: string;
  certificateChainPem: string;
}

/** Named in both certificates so any C2PA reader shows the manifest was signed for development. */
export const developmentOrganization = 'vgw development key (not for production)';

const developmentValidityDays = 3650;
const dayMs = 86_400_000;
const ecdsa = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

async function loadX509() {
  // @peculiar/x509 2.x needs a Reflect metadata polyfill loaded before it; both load only when a
  // development key is first made, not on every gateway start.
  await import('reflect-metadata');
  const x509 = await import('@peculiar/x509');
  x509.cryptoProvider.set(webcrypto as Crypto);
  return x509;
}

function serialNumber(): string {
  // Positive (high bit clear) 16-byte serials, as RFC 5280 asks.
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = bytes[0]! & 0x7f;
  return Buffer.from(bytes).toString('hex');
}

/**
 * A private root CA and an EC P-256 leaf it issues, with the key usage (digitalSignature) and
 * extended key usage (emailProtection) c2pa-rs accepts for claim signing. Readers report the
 * signer as untrusted, which is the truth: this identity belongs to one installation only.
 */
export async function generateDevelopmentIdentity(now: Date): Promise<SigningIdentityPem> {
  const x509 = await loadX509();
  const notAfter = new Date(now.getTime() + developmentValidityDays * dayMs);
  const caKeys = await webcrypto.subtle.generateKey(ecdsa, true, ['sign', 'verify']);
  const authority = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: `CN=vgw development CA, O=${developmentOrganization}`,
    notBefore: now,
    notAfter,
    keys: caKeys,
    signingAlgorithm: ecdsa,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const leafKeys = await webcrypto.subtle.generateKey(ecdsa, true, ['sign', 'verify']);
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: `CN=vgw development signer, O=${developmentOrganization}`,
    issuer: authority.subject,
    notBefore: now,
    notAfter,
    signingKey: caKeys.privateKey,
    publicKey: leafKeys.publicKey,
    signingAlgorithm: ecdsa,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.emailProtection], false),
      await x509.SubjectKeyIdentifierExtension.create(leafKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(authority, false),
    ],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', leafKeys.privateKey);
  return {
    privateKeyPem: `${x509.PemConverter.encode(pkcs8, 'PRIVATE KEY')}\n`,
    certificateChainPem: `${leaf.toString('pem')}\n${authority.toString('pem')}\n`,
  };
}
