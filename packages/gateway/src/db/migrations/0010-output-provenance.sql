-- How a finished output is labelled as AI-generated: a C2PA manifest inside the MP4, beside it
-- (the `c2pa` file variant, bound to the video's bytes), or none. Null: finished before labelling
-- existed, or not finished yet.
alter table videos add column provenance text
  check (provenance in ('embedded', 'sidecar', 'none'));

alter table video_files drop constraint if exists video_files_variant_check;
alter table video_files add constraint video_files_variant_check
  check (variant in ('video', 'thumbnail', 'spritesheet', 'c2pa'));
