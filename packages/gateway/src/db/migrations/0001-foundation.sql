create table projects (
  id text primary key,
  name text not null unique,
  created_at timestamptz not null default now()
);

create table api_keys (
  id text primary key,
  project_id text not null references projects (id),
  -- sha256 of the whole key: keys are 256-bit random, so a fast hash is enough and lets
  -- every request be checked with one indexed lookup.
  key_hash text not null unique,
  key_prefix text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

create table videos (
  id text primary key,
  project_id text not null references projects (id),
  model text not null,
  provider text not null,
  status text not null check (status in ('queued', 'in_progress', 'completed', 'failed')),
  progress integer not null default 0 check (progress between 0 and 100),
  prompt text not null,
  seconds numeric not null,
  size text not null,
  fps integer not null,
  seed bigint,
  input_reference jsonb,
  provider_options jsonb not null default '{}',
  remixed_from_video_id text,
  -- The engine's JSON handle on the running render; null until the start is recorded.
  operation jsonb,
  -- Minted before the first start and reused by every retry of that start.
  start_key text not null,
  start_attempts integer not null default 0,
  status_checks integer not null default 0,
  warnings jsonb not null default '[]',
  error jsonb,
  cancel_requested boolean not null default false,
  locked_by text,
  lease_expires_at timestamptz,
  next_check_at timestamptz,
  deadline_at timestamptz not null,
  idempotency_key text,
  request_hash text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  completed_at timestamptz,
  expires_at timestamptz,
  deleted_at timestamptz
);

create unique index videos_idempotency on videos (project_id, idempotency_key)
  where idempotency_key is not null;
create index videos_due on videos (next_check_at)
  where status in ('queued', 'in_progress') and deleted_at is null;
create index videos_project_created on videos (project_id, created_at, id)
  where deleted_at is null;

create table video_files (
  video_id text not null references videos (id),
  variant text not null check (variant in ('video', 'thumbnail', 'spritesheet')),
  sha256 text not null,
  bytes bigint not null,
  media_type text not null,
  created_at timestamptz not null default now(),
  primary key (video_id, variant)
);
create index video_files_sha256 on video_files (sha256);

create table video_events (
  id bigint generated always as identity primary key,
  video_id text not null references videos (id),
  at timestamptz not null default now(),
  actor text not null,
  type text not null,
  from_status text,
  to_status text,
  detail jsonb not null default '{}'
);
create index video_events_video on video_events (video_id, id);
