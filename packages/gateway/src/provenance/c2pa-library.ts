/** A file the native library reads or writes; the MIME type is given so it never guesses. */
export interface C2paFileAsset {
  path: string;
  mimeType: string;
}

export interface C2paBuilder {
  setNoEmbed(noEmbed?: boolean): void;
  /**
   * Writes the signed asset to `output` and resolves to the manifest store's bytes. The async
   * form hashes off the main thread: the synchronous `sign` held the event loop for ~150 ms on a
   * 10 MB clip, this one for ~10 ms (bench/c2pa-signing.ts).
   */
  signAsync(signer: C2paSigner, input: C2paFileAsset, output: C2paFileAsset): Promise<Buffer>;
}

export interface C2paReader {
  json(): unknown;
}

/** Opaque: made by `CallbackSigner.newSigner`, handed back to `Builder.signAsync`. */
export type C2paSigner = object;

export interface C2paCallbackSignerConfig {
  alg: 'es256';
  /** PEM certificates, leaf first. */
  certs: Buffer[];
  /** Bytes kept for the COSE signature, its certificates included. */
  reserveSize: number;
  /** False: the callback returns the raw signature and the library builds the COSE structure. */
  directCoseHandling: false;
}

/**
 * The part of `@contentauth/c2pa-node` vgw uses, typed here so the rest of the gateway compiles
 * and runs where the package (a native binary, shipped for linux-x64 only) is absent.
 */
export interface C2paLibrary {
  Builder: {
    new: (settings?: object) => C2paBuilder;
    withJson(manifest: object, settings?: object): C2paBuilder;
  };
  Reader: {
    fromAsset(asset: C2paFileAsset, settings?: object): Promise<C2paReader | null>;
    fromManifestDataAndAsset(
      manifestData: Buffer,
      asset: C2paFileAsset,
      settings?: object,
    ): Promise<C2paReader>;
  };
  CallbackSigner: {
    newSigner(
      config: C2paCallbackSignerConfig,
      sign: (data: Buffer) => Promise<Buffer>,
    ): C2paSigner;
  };
}

export type C2paAvailability =
  | { available: true; library: C2paLibrary }
  | { available: false; reason: string };

/** The real import, kept in one place; tests pass their own importer instead. */
export function importC2paNode(): Promise<C2paLibrary> {
  return import('@contentauth/c2pa-node');
}

function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

/**
 * Loads the library lazily and proves its native binary links here: the package's JavaScript
 * imports fine on any platform, and only the first native call fails where no binary was built
 * for it. Never throws, so a caller can fall back to unsigned outputs with a warning.
 */
export async function loadC2paLibrary(
  importLibrary: () => Promise<C2paLibrary> = importC2paNode,
): Promise<C2paAvailability> {
  try {
    const library = await importLibrary();
    library.Builder.new();
    return { available: true, library };
  } catch (error) {
    return {
      available: false,
      reason: `the C2PA library @contentauth/c2pa-node cannot be loaded on this platform (${process.platform}-${process.arch}): ${describeFailure(error)}`,
    };
  }
}

/**
 * Reader settings: validation stays offline (no remote manifests, no OCSP), so verifying a file
 * never reaches the network whatever URL its manifest names.
 */
export const offlineReaderSettings = {
  verify: { remote_manifest_fetch: false, ocsp_fetch: false },
} as const;
