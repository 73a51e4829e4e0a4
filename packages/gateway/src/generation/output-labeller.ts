import type { OutputProvenance } from '../db/video-record.js';

/** What a finished output's C2PA manifest says about it. */
export interface OutputFacts {
  videoId: string;
  model: string;
  provider: string;
  route: string | null;
}

export interface LabelledOutput {
  provenance: OutputProvenance;
  /** The signed copy to store instead of the original; null when the file was left as it was. */
  signedPath: string | null;
  /** A manifest beside the file, bound to its bytes; null when embedded or none. */
  sidecar: Uint8Array | null;
  /** Why the label is a sidecar or none; shown on the video as a warning. */
  warning: string | null;
  /** Removes the signed copy once it is stored. */
  dispose(): Promise<void>;
}

/** Labels every finished output as AI-generated (assembly plugs in the C2PA signer). */
export interface OutputLabeller {
  label(inputPath: string, facts: OutputFacts): Promise<LabelledOutput>;
}
