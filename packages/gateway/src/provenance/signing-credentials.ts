import { X509Certificate, createPrivateKey } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { generateDevelopmentIdentity } from './development-certificate.js';

/** What signs every manifest; `development` is written into each manifest it signs. */
export interface SigningCredentials {
  certificateChainPem: Buffer;
  privateKeyPem: Buffer;
  development: boolean;
}

/** A configured signing identity: PEM files on disk (certificate chain, leaf first; PKCS#8 key). */
export interface ConfiguredSigningKey {
  certificateChainPath: string;
  privateKeyPath: string;
}

export interface LoadSigningCredentialsOptions {
  /** The gateway's data directory; the development key lives in `<dataDir>/provenance/`. */
  dataDir: string;
  /** From config; without it a development key is made once and reused. */
  signingKey?: ConfiguredSigningKey | null;
  now: () => Date;
}

/** A signing key or certificate that cannot be used; the message names the file. */
export class SigningKeyError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'SigningKeyError';
  }
}

const certificatePemSchema = z
  .string()
  .regex(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/, 'no PEM certificate');
const privateKeyPemSchema = z
  .string()
  .regex(
    /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/,
    'no PKCS#8 PEM private key (BEGIN PRIVATE KEY)',
  );

export const developmentKeyFolder = join('provenance', 'development');
export const developmentKeyFile = 'signer-key.pem';
export const developmentChainFile = 'certificate-chain.pem';

async function readPem(path: string, schema: z.ZodString, what: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SigningKeyError(`cannot read the C2PA ${what} ${path}: ${String(error)}`, {
      cause: error,
    });
  }
  const parsed = schema.safeParse(text);
  if (!parsed.success) {
    throw new SigningKeyError(`the C2PA ${what} ${path} holds ${parsed.error.issues[0]?.message}`);
  }
  return parsed.data;
}

/** Fails at load, not at the first render, when the key does not belong to the leaf. */
function checkKeyMatchesLeaf(chainPem: string, keyPem: string, paths: ConfiguredSigningKey) {
  try {
    const leaf = new X509Certificate(chainPem);
    if (!leaf.checkPrivateKey(createPrivateKey(keyPem))) {
      throw new Error('the private key does not belong to the first certificate of the chain');
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SigningKeyError(
      `unusable C2PA signing key ${paths.privateKeyPath} with ${paths.certificateChainPath}: ${reason}`,
      { cause: error },
    );
  }
}

async function readIdentity(paths: ConfiguredSigningKey) {
  const chainPem = await readPem(paths.certificateChainPath, certificatePemSchema, 'certificate');
  const keyPem = await readPem(paths.privateKeyPath, privateKeyPemSchema, 'private key');
  checkKeyMatchesLeaf(chainPem, keyPem, paths);
  return { certificateChainPem: Buffer.from(chainPem), privateKeyPem: Buffer.from(keyPem) };
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

function isTakenAlready(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    ['EEXIST', 'ENOTEMPTY'].includes(String(error.code))
  );
}

/**
 * Writes a fresh identity into a private temporary folder and renames it into place: the
 * rename is atomic, so two processes starting together keep one key pair, never a torn one.
 */
async function createDevelopmentIdentity(dataDir: string, now: Date): Promise<void> {
  const parent = join(dataDir, 'provenance');
  await mkdir(parent, { recursive: true, mode: 0o700 });
  const staging = await mkdtemp(join(parent, '.development-'));
  try {
    const identity = await generateDevelopmentIdentity(now);
    await writeFile(join(staging, developmentKeyFile), identity.privateKeyPem, { mode: 0o600 });
    await writeFile(join(staging, developmentChainFile), identity.certificateChainPem);
    await chmod(staging, 0o700);
    await rename(staging, join(dataDir, developmentKeyFolder));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (!isTakenAlready(error)) throw error;
  }
}

async function developmentCredentials(dataDir: string, now: Date): Promise<SigningCredentials> {
  const folder = join(dataDir, developmentKeyFolder);
  const paths = {
    certificateChainPath: join(folder, developmentChainFile),
    privateKeyPath: join(folder, developmentKeyFile),
  };
  try {
    return { ...(await readIdentity(paths)), development: true };
  } catch (error) {
    if (!(error instanceof SigningKeyError && isMissing(error.cause))) throw error;
  }
  await createDevelopmentIdentity(dataDir, now);
  return { ...(await readIdentity(paths)), development: true };
}

/**
 * The configured key when there is one; otherwise the installation's development key, made on
 * first use in `<dataDir>/provenance/development/` (key file 0600) and reused after that.
 */
export async function loadSigningCredentials(
  options: LoadSigningCredentialsOptions,
): Promise<SigningCredentials> {
  if (options.signingKey != null) {
    return { ...(await readIdentity(options.signingKey)), development: false };
  }
  return developmentCredentials(options.dataDir, options.now());
}
