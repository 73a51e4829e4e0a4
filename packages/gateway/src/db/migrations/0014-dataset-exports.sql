-- Dataset exports asked for over HTTP (`POST /v1/datasets`): each row is the request (its filters
-- as validated), its own job queue with the lease protocol of video_scores, and the outcome: the
-- counts and the zip, stored content-addressed like every other file.
create table dataset_exports (
  id text primary key,
  project_id text not null references projects (id),
  api_key_id text references api_keys (id),
  filters jsonb not null,
  status text not null default 'queued'
    check (status in ('queued', 'running', 'completed', 'failed')),
  attempts integer not null default 0,
  locked_by text,
  locked_until timestamptz,
  next_attempt_at timestamptz not null default now(),
  -- What the export wrote and left out (clips, train, validation, excluded by reason, bytes).
  report jsonb,
  zip_sha256 text,
  zip_bytes bigint,
  error_code text,
  error_message text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz
);

create index dataset_exports_due on dataset_exports (next_attempt_at, id)
  where status in ('queued', 'running');
create index dataset_exports_project on dataset_exports (project_id, created_at, id);
