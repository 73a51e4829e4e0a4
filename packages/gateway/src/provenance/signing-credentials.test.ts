import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../media/bundled-binaries.js';
import { ffmpegToFile } from '../test-support/quality-fixtures.js';
import { useScratchDirectory } from '../test-support/scratch-directory.js';
import { loadC2paLibrary } from './c2pa-library.js';
import { offlineReaderSettings } from './c2pa-library.js';
import { generateDevelopmentIdentity } from './development-certificate.js';
import { createProvenanceSigner } from './provenance-signer.js';
import {
  SigningKeyError,
  developmentChainFile,
  developmentKeyFile,
  developmentKeyFolder,
  loadSigningCredentials,
} from './signing-credentials.js';
import { verifyVideo } from './verify-video.js';

const scratch = useScratchDirectory('vgw-provenance-keys-');
const now = () => new Date('2026-01-01T00:00:00Z');

const facts = {
  model: 'local',
  provider: 'local',
  route: null,
  createdAt: new Date('2026-02-03T04:05:06Z'),
  vgwVersion: '0.1.0',
  videoId: 'video_keys',
};

describe('the development key', () => {
  it('is generated once in <dataDir>/provenance with a 0600 key, then reused', async () => {
    const dataDir = scratch.file('data-once');
    const first = await loadSigningCredentials({ dataDir, now });
    expect(first.development).toBe(true);
    const folder = join(dataDir, developmentKeyFolder);
    expect((await readdir(folder)).sort()).toEqual([developmentChainFile, developmentKeyFile]);
    expect((await stat(join(folder, developmentKeyFile))).mode & 0o777).toBe(0o600);
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    expect(await readdir(join(dataDir, 'provenance'))).toEqual(['development']);

    const later = () => new Date('2026-06-01T00:00:00Z');
    const second = await loadSigningCredentials({ dataDir, now: later });
    expect(second.privateKeyPem.equals(first.privateKeyPem)).toBe(true);
    expect(second.certificateChainPem.equals(first.certificateChainPem)).toBe(true);
  });

  it('is one key pair when two processes start on a fresh data dir together', async () => {
    const dataDir = scratch.file('data-race');
    const loads = await Promise.all([1, 2, 3].map(() => loadSigningCredentials({ dataDir, now })));
    const keys = new Set(loads.map((credentials) => credentials.privateKeyPem.toString()));
    expect(keys.size).toBe(1);
    expect(await readdir(join(dataDir, 'provenance'))).toEqual(['development']);
  });

  it('is an EC P-256 leaf for digital signatures and email protection, under a private CA', async () => {
    const identity = await generateDevelopmentIdentity(now());
    const [leafPem, caPem] = identity.certificateChainPem.split(/(?<=-----END CERTIFICATE-----\n)/);
    const leaf = new X509Certificate(leafPem!);
    const authority = new X509Certificate(caPem!);
    expect(leaf.checkPrivateKey(createPrivateKey(identity.privateKeyPem))).toBe(true);
    expect(leaf.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(leaf.keyUsage).toEqual(['1.3.6.1.5.5.7.3.4']);
    expect(leaf.ca).toBe(false);
    expect(authority.ca).toBe(true);
    expect(leaf.verify(authority.publicKey)).toBe(true);
    expect(leaf.issuer).toMatch(/vgw development key \(not for production\)/);
    expect(new Date(leaf.validFrom).getTime()).toBe(now().getTime());
  });

  it('is marked as development in the manifest it signs', async () => {
    const provenance = await createProvenanceSigner({ dataDir: scratch.file('data-mark'), now });
    expect(provenance.key).toBe('development');
    expect(provenance.warning).toMatch(/development key/);
    const path = scratch.file('marked.mp4');
    await ffmpegToFile(bundledBinaryPaths().ffmpegPath, ['-f', 'lavfi', '-i', 'testsrc=d=1'], path);
    await provenance.signer.signVideo({ inputPath: path, outputPath: path, facts, mode: 'embed' });

    const c2pa = await loadC2paLibrary();
    if (!c2pa.available) throw new Error(c2pa.reason);
    const reader = await c2pa.library.Reader.fromAsset(
      { path, mimeType: 'video/mp4' },
      offlineReaderSettings,
    );
    const store = JSON.stringify(reader?.json());
    expect(store).toContain('"org.vgw.signing_key":"development"');
    expect(store).toContain('"development_key":true');
    const verified = await verifyVideo({ path }, c2pa);
    expect(verified.manifest?.generation).toMatchObject({ developmentKey: true, route: null });
  });
});

describe('a configured key', () => {
  async function writeIdentity(name: string) {
    const folder = scratch.file(name);
    await mkdir(folder, { recursive: true });
    const identity = await generateDevelopmentIdentity(now());
    const paths = {
      certificateChainPath: join(folder, 'chain.pem'),
      privateKeyPath: join(folder, 'key.pem'),
    };
    await writeFile(paths.certificateChainPath, identity.certificateChainPem);
    await writeFile(paths.privateKeyPath, identity.privateKeyPem);
    return paths;
  }

  it('signs instead of a development key, and no development key is made', async () => {
    const signingKey = await writeIdentity('configured');
    const dataDir = scratch.file('data-configured');
    const provenance = await createProvenanceSigner({ dataDir, signingKey, now });
    expect(provenance.key).toBe('configured');
    expect(provenance.warning).toBeUndefined();
    await expect(stat(join(dataDir, 'provenance'))).rejects.toThrow(/ENOENT/);

    const path = scratch.file('configured.mp4');
    await ffmpegToFile(bundledBinaryPaths().ffmpegPath, ['-f', 'lavfi', '-i', 'testsrc=d=1'], path);
    await provenance.signer.signVideo({ inputPath: path, outputPath: path, facts, mode: 'embed' });
    const verified = await verifyVideo({ path }, await loadC2paLibrary());
    expect(verified.status).toBe('valid');
    expect(verified.manifest?.generation?.developmentKey).toBe(false);
    expect(verified.details.join('\n')).not.toMatch(/signed with a vgw development key/);
  });

  it('is refused, naming the file, when the key does not belong to the certificate', async () => {
    const one = await writeIdentity('mismatch-a');
    const other = await writeIdentity('mismatch-b');
    const signingKey = {
      certificateChainPath: one.certificateChainPath,
      privateKeyPath: other.privateKeyPath,
    };
    const load = loadSigningCredentials({ dataDir: scratch.path, signingKey, now });
    await expect(load).rejects.toThrow(SigningKeyError);
    await expect(load).rejects.toThrow(/mismatch-b\/key\.pem .*does not belong/);
  });

  it('is refused when a file is missing or holds no PEM', async () => {
    const paths = await writeIdentity('broken');
    await writeFile(
      paths.privateKeyPath,
      (await readFile(paths.privateKeyPath, 'utf8')).slice(0, 40),
    );
    await expect(
      loadSigningCredentials({ dataDir: scratch.path, signingKey: paths, now }),
    ).rejects.toThrow(/private key .*broken\/key\.pem holds no PKCS#8 PEM private key/);
    const missing = { ...paths, certificateChainPath: scratch.file('nowhere.pem') };
    await expect(
      loadSigningCredentials({ dataDir: scratch.path, signingKey: missing, now }),
    ).rejects.toThrow(/cannot read the C2PA certificate .*nowhere\.pem/);
  });

  it('is not read at all where the library is missing', async () => {
    const provenance = await createProvenanceSigner({
      dataDir: scratch.file('data-no-library'),
      signingKey: { certificateChainPath: '/nonexistent', privateKeyPath: '/nonexistent' },
      now,
      importLibrary: () => Promise.reject(new Error('not installed')),
    });
    expect(provenance.key).toBe('none');
    expect(provenance.warning).toMatch(/will not carry C2PA provenance.*not installed/);
  });
});
