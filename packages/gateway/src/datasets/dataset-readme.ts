import type { DatasetRequest } from './dataset-request.js';

export interface ReadmeFacts {
  request: DatasetRequest;
  train: number;
  validation: number;
  generatedAt: Date;
}

/** How to point each common trainer at this folder (export-formats.md §B.1). */
export function datasetReadme(facts: ReadmeFacts): string {
  const { request } = facts;
  const manifest = request.layout === 'manifest';
  const conform =
    request.conform != null
      ? `Clips were conformed for ${request.conform} (fps, frame count and size; see "conform" in the manifest).`
      : 'Clips are the stored files, unchanged (trainers resample and bucket them).';
  return `vgw dataset export
==================
Generated ${facts.generatedAt.toISOString()}: ${facts.train} training and ${facts.validation} validation clips.
${conform}

Layout
  train/NAME.mp4 + train/NAME.txt        a clip and its caption (the prompt), same stem
  validation/NAME.mp4 + NAME.txt         held out by a hash of the video id (stable across exports)
${manifest ? '  manifest.jsonl                         one JSON line per clip, both splits (field "split")\n  train.jsonl, validation.jsonl          the same lines, one file per split\n' : ''}  provenance/NAME.c2pa                   C2PA sidecar manifests, for clips labelled that way
  dataset.json                           the filters used and what was left out, and why
Media folders hold only .mp4 and .txt: diffusion-pipe tries every other file as media, and
finetrainers changes mode when it sees a metadata file. Manifest paths are relative to this folder.

Pointing trainers at it
  diffusion-pipe     dataset.toml: [[directory]] path = '<this>/train'  (captions are the .txt files;
                     it resamples to the model's fps and picks frame buckets itself)
  musubi-tuner       dataset config: video_directory = "<this>/train", caption_extension = ".txt",
                     target_frames = [4n+1 ...]; or video_jsonl_file = "<this>/train.jsonl" (run from
                     this folder, or the relative video_path values will not resolve), cache_directory set
  ai-toolkit         datasets: - folder_path: "<this>/train", caption_ext: "txt", num_frames: N
  finetrainers       --data_root <this>/train (caption/video pairs; no metadata file inside)
  LTX-Video-Trainer  preprocess with --dataset <this>/${manifest ? 'train.jsonl' : 'train'} --caption-column caption
                     --video-column media_path${manifest ? '' : ' (export with --layout manifest for the JSONL)'}; resolution
                     buckets WxHxF need W and H multiples of 32 and F = 8n+1 (--conform ltx does this)

Licence and provenance
  Every clip is AI-generated and carries a C2PA label (embedded in the MP4, or provenance/NAME.c2pa);
  a conformed clip is a new encode, so its label is its source's (see provenance.source_sha256).
  vgw records no licence ("license": null): the terms of the provider that rendered each clip apply.
`;
}
